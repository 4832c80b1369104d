import BackpropCore

extension ConfigValue {
    /// The value as YAML flow text that reads back to the same content: plain
    /// scalars stay plain where flow style allows (numbers, names), everything
    /// else is double-quoted with escapes. A suite writes each problem's
    /// experiment this way, so its results.json holds a file that parses alone.
    package var yamlText: String {
        switch content {
        case .scalar(let text, let plain):
            if plain && isNull { return "null" }
            if plain && !text.isEmpty && text.allSatisfy(Self.isPlainSafe) && text.first != "-" || plain && Double(text) != nil {
                return text
            }
            return Self.doubleQuoted(text)
        case .sequence(let items):
            return "[" + items.map(\.yamlText).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\(Self.doubleQuoted($0.key.flowText)): \($0.value.yamlText)" }.joined(separator: ", ") + "}"
        }
    }

    private static func isPlainSafe(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._+-".contains(character))
    }

    private static func doubleQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
