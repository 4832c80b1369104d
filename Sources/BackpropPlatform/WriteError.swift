/// Output that could not be written although the input was good: a full
/// disk, a file made immutable, a folder that vanished. Not bad input, so not
/// exit status 2: the command line exits 3. What was there before stays whole
/// (every file is replaced by a rename, or not at all).
package struct WriteError: Error, CustomStringConvertible {
    package var path: String
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    package var description: String { "\(path): \(message)" }
}
