import BackpropTraining

/// `--shard K/N`: the K-th of N parts of an experiment's jobs (run x seed),
/// for running a sweep on N machines. Jobs are dealt by their trial keys and
/// an estimate of their cost, not by their place in the file: reordering
/// the file, or adding runs, moves no job that stays.
package struct Shard: Sendable, Equatable {
    package var index: Int
    package var count: Int

    /// More shards than an experiment can have jobs (`SweepSpace.maximumRuns`) is a typo.
    package static let maximumCount = 100_000

    package init(index: Int, count: Int) throws {
        guard count >= 1 else { throw ComponentError("shard count must be at least 1, found \(count)") }
        guard count <= Self.maximumCount else { throw ComponentError("at most \(Self.maximumCount) shards, found \(count)") }
        guard index >= 1 && index <= count else {
            throw ComponentError("shard \(index)/\(count) does not exist: K in K/N counts from 1 to N (\(count) shard\(count == 1 ? "" : "s"))")
        }
        self.index = index
        self.count = count
    }

    /// `text` as `K/N`; the error says what is wrong with it.
    package init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ComponentError("shard '\(text)' is not K/N (e.g. 2/4: the second of 4 shards) or 'auto'")
        }
        try self.init(index: index, count: count)
    }

    /// A job to deal: its trial key and its estimated cost.
    struct Job {
        var key: String
        var cost: Double
    }

    /// The positions in `jobs` of this shard's jobs, in their order. Longest
    /// first, each to the least-loaded shard (ties to the lower shard), with
    /// jobs of equal cost taken in key order: every shard computes the same
    /// deal from the same set of jobs, and loads differ by at most one job.
    func select(_ jobs: [Job]) -> [Int] {
        let order = jobs.indices.sorted { (jobs[$0].cost, jobs[$1].key) > (jobs[$1].cost, jobs[$0].key) }
        var loads = Array(repeating: 0.0, count: count)
        var mine: [Int] = []
        var owner: [String: Int] = [:]
        for position in order {
            // The same trial twice (two runs with the same settings) goes to one shard.
            if let shard = owner[jobs[position].key] {
                if shard == index - 1 { mine.append(position) }
                continue
            }
            let shard = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) } ?? 0
            loads[shard] += jobs[position].cost
            owner[jobs[position].key] = shard
            if shard == index - 1 { mine.append(position) }
        }
        return mine.sorted()
    }

    /// The folder, inside the experiment's, that holds every shard's own.
    package static let folderName = "shards"

    /// Where the shard's outputs go below the experiment's folder.
    package var folder: String { "\(Self.folderName)/\(index)-of-\(count)" }
}
