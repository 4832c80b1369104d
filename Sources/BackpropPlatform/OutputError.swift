/// An output folder or results file the tool cannot use: a `--plots` path
/// that is a file or not writable, results that are missing or damaged, shards
/// of different experiments. Named by path, in one line; exit status 2.
package struct OutputError: BadInputError {
    package var path: String
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    package var description: String { terminalSafe("\(path): \(message)") }
}
