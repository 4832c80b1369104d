import Foundation

/// Files a user names (data, checkpoints, results) are read only when they
/// are regular files: a FIFO would block the tool, `/dev/zero` never ends, a
/// folder is not data. Each case is a one-line error saying which it is.
package enum InputFile {
    /// The size of the regular file at `path`; `what` names it in errors
    /// ("checkpoint file", "CSV file", ...).
    @discardableResult
    package static func check(_ path: String, what: String) throws -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DataError(file: path, message: errno == ENOENT || errno == ENOTDIR ? "no such \(what)" : "cannot read the \(what) (\(String(cString: strerror(errno))))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return Int(status.st_size)
        case S_IFDIR:
            throw DataError(file: path, message: "is a folder, not a \(what)")
        default:
            throw DataError(file: path, message: "is not a regular file (a FIFO, device or socket), not a \(what)")
        }
    }

    /// The bytes of the regular file at `path`, refused past `limit` bytes.
    package static func read(_ path: String, what: String, limit: Int) throws -> Data {
        let size = try check(path, what: what)
        guard size <= limit else {
            throw DataError(file: path, message: "is \(size >> 20) MiB; backprop reads a \(what) of at most \(limit >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, message: "cannot read the \(what)")
        }
        return data
    }
}
