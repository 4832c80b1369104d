import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target.
///
/// The temporary file is created exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`)
/// under an unpredictable name, `.NAME.tmp-PID-RANDOM`: a file or a symbolic
/// link planted in the folder in advance can be neither written through nor
/// truncated. The rename replaces a link at the target name itself, never
/// what it points to.
package enum AtomicFile {
    package static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    package static func write(_ data: Data, to path: String) throws {
        let (temporary, descriptor) = try createTemporary(for: path)
        var failure: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw WriteError(path: path, message: "cannot write the file (\(String(cString: strerror(failure))))")
        }
    }

    /// A new, empty file beside `path`, created exclusively under an
    /// unpredictable name ending in `suffix`, and its open descriptor.
    package static func createTemporary(for path: String, suffix: String = "") throws -> (path: String, descriptor: Int32) {
        let folder = parentFolder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for _ in 0..<8 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = (folder.isEmpty ? "" : folder.hasSuffix("/") ? folder : folder + "/") + ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(random)\(suffix)"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (temporary, descriptor) }
            if errno != EEXIST { break }
        }
        throw WriteError(path: path, message: "cannot write the file (\(String(cString: strerror(errno))))")
    }
}
