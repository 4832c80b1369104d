import Foundation

/// Output folders: made with a one-line error, never through a link.
package enum Folder {
    /// Creates a folder (and its parents), with a one-line error. A folder the
    /// tool writes into (plots/NAME, its checkpoints/, trials/, ...) that is a
    /// symbolic link is refused: output never goes where a planted link points.
    /// The --plots folder itself may be a link (the user chose it).
    package static func make(_ directory: String) throws {
        var status = stat()
        if lstat(directory, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK {
            throw linkError(directory)
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: directory, message: "cannot create the folder")
        }
    }

    package static func linkError(_ path: String) -> OutputError {
        OutputError(path: path, message: "is a symbolic link; backprop does not write through links inside its output (remove it, or choose another --plots)")
    }
}
