import BackpropCore

extension ConfigValue {
    /// The value in one line as YAML's flow style writes it (`adam`,
    /// `[0.9, 0.99]`, `{adam: {lr: 0.1}}`), for labels.
    package var flowText: String {
        switch content {
        case .scalar(let text, _): return text
        case .sequence(let items): return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key.flowText): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }

    /// The value's content in one normal form, for identities that must not
    /// change with how a file is written: mapping keys sorted, numbers as
    /// numbers (`0.10`, `1e-1` and `0.1` agree), no positions. Lists keep
    /// their order, which means something (a model's layers, Adam's betas).
    package var canonical: String {
        switch content {
        case .scalar(let text, let plain):
            if plain && isNull { return "~" }
            let digits = text.replacingOccurrences(of: "_", with: "")
            // Whole numbers exactly (a seed above 2^53 is not a Double); others as Doubles (0.10 = 1e-1).
            if let whole = Int(digits) { return "\(whole)" }
            if let whole = UInt64(digits) { return "\(whole)" }
            if let number = Double(digits), number.isFinite { return number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)" }
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .sequence(let items):
            return "[" + items.map(\.canonical).joined(separator: ",") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { $0.key.canonical + ":" + $0.value.canonical }.sorted().joined(separator: ",") + "}"
        }
    }
}
