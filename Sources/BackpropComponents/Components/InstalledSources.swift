import Foundation
import BackpropCore

/// Names and digests of code from outside the library that trains here.
package final class InstalledSources: @unchecked Sendable {
    private var sources: [(name: String, digest: String)] = []
    private let lock = NSRecursiveLock()

    /// Records `name` and `digest`, then runs `install`, once per name: a
    /// second call with the same digest does nothing, with another digest it
    /// is refused (`conflict` says so). Recorded first, so components that
    /// `install` registered before it failed are still keyed on the digest.
    package func add(_ name: String, digest: String, conflict: (String) -> any Error, install: () throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        if let earlier = sources.first(where: { $0.name == name }) {
            if earlier.digest == digest { return }
            throw conflict(earlier.digest)
        }
        sources.append((name, digest))
        try install()
    }

    /// "; plugin lion-example 1a2b3c4d5e6f7a8b" for each one, or "".
    package var suffix: String {
        lock.lock()
        defer { lock.unlock() }
        return sources.map { "; plugin \($0.name) \($0.digest)" }.joined()
    }
}
