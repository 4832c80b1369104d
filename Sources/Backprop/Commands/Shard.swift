/// `--shard K/N`: the K-th of N interleaved parts of a sweep's runs
/// (runs K, K+N, K+2N, ... in file order), for running a sweep on N machines.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    /// `text` as `K/N` with 1 <= K <= N, else nil.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 1, index <= count else {
            return nil
        }
        self.index = index
        self.count = count
    }

    /// This shard's share of `runs`.
    func select<Element>(_ runs: [Element]) -> [Element] {
        runs.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    /// Where the shard's outputs go below the experiment's folder.
    var folder: String { "shards/\(index)-of-\(count)" }
}
