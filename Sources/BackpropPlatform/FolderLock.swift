import Foundation

/// An exclusive hold on an output folder for one command, so two processes
/// never interleave their files in it: `flock` on the folder itself (no lock
/// file to leave behind), released when the lock is dropped or the process ends.
package final class FolderLock {
    private let descriptor: Int32
    /// Folders this lock created, deepest first: removed again when the
    /// command leaves them empty (an experiment that fails its checks writes nothing).
    private let created: [String]

    /// Creates `folder` if needed (unless `mustExist`) and takes it, or says
    /// in one line that another process holds it. `shared` holds it beside
    /// other shared holders (shards of one sweep under the experiment's
    /// folder), but not beside a command that replaces the folder's set.
    package init(_ folder: String, shared: Bool = false, mustExist: Bool = false) throws {
        var missing: [String] = []
        var path = folder
        while !mustExist && !path.isEmpty && path != "/" && !FileManager.default.fileExists(atPath: path) {
            missing.append(path)
            path = parentFolder(of: path)
        }
        created = missing
        if !mustExist { try Folder.make(folder) }
        var attempts = 0
        while true {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw WriteError(path: folder, message: "cannot open the folder (\(String(cString: strerror(errno))))")
            }
            guard flock(descriptor, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
                close(descriptor)
                throw OutputError(path: folder, message: "is in use by another backprop command writing the same experiment; wait for it to finish, or give another --plots folder")
            }
            // The holder before us may have swapped a new set in (OutputSet) after we opened the
            // folder: then we hold the previous one, and try again on what the name is now.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(folder, &current) == 0,
               held.st_ino != current.st_ino || held.st_dev != current.st_dev, attempts < 8 {
                flock(descriptor, LOCK_UN)
                close(descriptor)
                attempts += 1
                continue
            }
            self.descriptor = descriptor
            break
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
        for folder in created {
            if rmdir(folder) != 0 { break }  // not empty: the command wrote there
        }
    }
}
