/// A problem with a data file, positioned by line when it has one:
/// `data/iris.csv:14: expected 5 fields, found 4`.
public struct DataError: BadInputError, Equatable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// One line, whatever the file's names and cells hold (control characters escaped).
    public var description: String {
        terminalSafe("\(file)\(line.map { ":\($0)" } ?? ""): \(message)")
    }
}
