/// An output folder or results file the tool cannot use: a `--plots` path
/// that is a file or not writable, results that are missing or damaged, shards
/// of different experiments. Named by path, in one line; exit status 2.
public struct OutputError: BadInputError {
    public var path: String
    public var message: String
    public var description: String { terminalSafe("\(path): \(message)") }
}
