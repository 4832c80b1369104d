import Foundation
import BackpropAnalysis

/// One output set (plots/NAME: metrics, results, report, charts, data,
/// checkpoints) replaced as a whole or not at all. The set is written into a
/// hidden sibling folder, `.NAME.new-RANDOM`, which `commit` swaps with the
/// folder in one `renameat2(RENAME_EXCHANGE)`: a reader, a kill or a full disk
/// sees either the previous set or the new one, never a mix, and files of an
/// earlier run that this one did not produce (charts no longer asked for, old
/// checkpoints) go with the previous set.
///
/// What belongs to no set (a sweep's `trials/` and `shards/`, written as
/// they finish) moves from the previous folder into the new one right after
/// the swap. The caller holds the folder's `FolderLock`; the staging folder is
/// locked too, so the lock still holds once the folders have traded places.
package final class OutputSet {
    /// The folder readers see.
    package let folder: String
    /// Where the set is written until `commit`.
    package let staging: String
    private let stagingLock: FolderLock
    private var finished = false

    /// Marks the previous folder, just before the swap, with the entries to
    /// carry over: a command stopped between the swap and the moves leaves a
    /// folder the next one finishes carrying from (see `recover`).
    static let carryMarker = ".backprop-carry"
    static let stagingInfix = ".new-"

    /// Creates the staging folder beside `folder` (which must exist and be
    /// held), after finishing or removing what stopped commands left.
    package init(replacing folder: String) throws {
        self.folder = folder
        try Self.recover(folder)
        let parent = parentFolder(of: folder)
        let name = Self.lastComponent(folder)
        var made: String?
        for _ in 0..<8 {
            let candidate = (parent.isEmpty ? "" : parent + "/") + "." + name + Self.stagingInfix
                + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            if mkdir(candidate, 0o755) == 0 {
                made = candidate
                break
            }
            if errno != EEXIST { break }
        }
        guard let made else {
            throw WriteError(path: folder, message: "cannot create a folder beside it to write into (\(String(cString: strerror(errno))))")
        }
        staging = made
        do {
            stagingLock = try FolderLock(made)
        } catch {
            Self.removeTree(made)
            throw error
        }
    }

    deinit {
        if !finished { Self.removeTree(staging) }
    }

    /// Puts the staged set in place of the folder's, carrying `carrying`
    /// (names of entries in the folder, such as "trials") over into it.
    package func commit(carrying: [String] = []) throws {
        precondition(!finished, "an output set is committed once")
        try AtomicFile.write(carrying.joined(separator: "\n"), to: folder + "/" + Self.carryMarker)
        guard Self.exchange(folder, staging) else {
            let reason = String(cString: strerror(errno))
            unlink(folder + "/" + Self.carryMarker)
            throw WriteError(path: folder, message: "cannot put the new output set in place (\(reason)); the previous one is unchanged")
        }
        finished = true
        // `staging` now holds the previous set.
        Self.carry(from: staging, into: folder)
        Self.removeTree(staging)
    }

    /// Finishes what a stopped command left beside `folder`: a previous set
    /// (it has the carry marker) gives up the entries to carry, then goes; a
    /// staged set that was never swapped in just goes. A folder still locked
    /// belongs to a live command and is left alone.
    static func recover(_ folder: String) throws {
        unlink(folder + "/" + carryMarker)
        let parent = parentFolder(of: folder)
        let prefix = "." + lastComponent(folder) + stagingInfix
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let leftover = (parent.isEmpty ? "" : parent + "/") + name
            guard let lock = try? FolderLock(leftover, mustExist: true) else { continue }
            carry(from: leftover, into: folder)
            withExtendedLifetime(lock) { removeTree(leftover) }
        }
    }

    /// Moves the entries the marker in `previous` names into `folder`, unless
    /// the folder has its own.
    private static func carry(from previous: String, into folder: String) {
        guard let list = try? String(contentsOfFile: previous + "/" + carryMarker, encoding: .utf8) else { return }
        for name in list.split(separator: "\n").map(String.init) where !name.isEmpty && !name.contains("/") {
            if access(folder + "/" + name, F_OK) != 0 { rename(previous + "/" + name, folder + "/" + name) }
        }
    }

    /// Swaps two paths atomically. `renameat2` is looked up at run time: Swift's
    /// Glibc module does not declare it. Where it or RENAME_EXCHANGE is missing
    /// (old kernels, some network file systems) the folder is moved aside and
    /// the set renamed in: two renames, so a kill between them leaves only the
    /// previous set, beside the folder's name.
    static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        let renameExchange: UInt32 = 2
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            if renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return true }
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { return false }
        }
        let aside = second + "-previous"
        guard rename(first, aside) == 0 else { return false }
        guard rename(second, first) == 0 else {
            rename(aside, first)
            return false
        }
        return rename(aside, second) == 0
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
