import BackpropCore

/// A problem in an experiment file, positioned like a compiler error:
/// `xor.yaml:14:7: unknown optimizer 'adma' (did you mean 'adam'?); known: ...`.
/// Settings written in code have no file, and their errors no position.
public struct ExperimentError: BadInputError, Equatable {
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

    /// One line, whatever the file's keys and values hold (control characters escaped).
    public var description: String {
        guard !file.isEmpty else { return terminalSafe(message) }
        var position = file
        if let line { position += ":\(line)" }
        if let column { position += ":\(column)" }
        return terminalSafe("\(position): \(message)")
    }
}
