/// A problem in an experiment file, positioned like a compiler error:
/// `xor.yaml:14:7: unknown optimizer 'adma' (did you mean 'adam'?); known: ...`.
public struct ExperimentError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var position = file
        if let line { position += ":\(line)" }
        if let column { position += ":\(column)" }
        return "\(position): \(message)"
    }
}

/// An error raised while building a component from valid-looking settings
/// (say, starting weights of the wrong shape); the caller adds the position.
public struct ComponentError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// "unknown optimizer 'adma' (did you mean 'adam'?); known: adagrad, adam, ..."
func unknownNameMessage(_ kind: String, _ name: String, known: [String]) -> String {
    let suggestion = closestName(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
    return "unknown \(kind) '\(name)'\(suggestion); known: \(known.sorted().joined(separator: ", "))"
}

/// "unknown key 'lrr' in sgd settings (did you mean 'lr'?); known: dampening, lr, ..."
func unknownKeyMessage(_ key: String, in what: String, known: [String]) -> String {
    let suggestion = closestName(to: key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
    let list = known.isEmpty ? "it takes no settings" : "known: \(known.sorted().joined(separator: ", "))"
    return "unknown key '\(key)' in \(what)\(suggestion); \(list)"
}
