import Foundation

/// An exclusive hold on an output folder for one command, so two processes
/// never interleave their files in it: `flock` on the folder itself (no lock
/// file to leave behind), released when the lock is dropped or the process ends.
public final class FolderLock {
    private let descriptor: Int32
    /// Folders this lock created, deepest first: removed again when the
    /// command leaves them empty (an experiment that fails its checks writes nothing).
    private let created: [String]

    /// Creates `folder` if needed and takes it, or says in one line that
    /// another process holds it.
    public init(_ folder: String) throws {
        var missing: [String] = []
        var path = folder
        while !path.isEmpty && path != "/" && !FileManager.default.fileExists(atPath: path) {
            missing.append(path)
            path = parentFolder(of: path)
        }
        created = missing
        try OutputWriter.makeDirectory(folder)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WriteError(path: folder, message: "cannot open the folder (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw OutputError(path: folder, message: "is in use by another backprop command writing the same experiment; wait for it to finish, or give another --plots folder")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
        for folder in created {
            if rmdir(folder) != 0 { break }  // not empty: the command wrote there
        }
    }
}
