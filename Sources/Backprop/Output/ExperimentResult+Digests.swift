import Foundation

extension ExperimentResult {
    /// Names the resolved experiment: its name and the set of its trial keys
    /// (which hold everything that makes the numbers), in no particular
    /// order, so reordering the file keeps it.
    public var experimentDigest: String {
        var digest = Digest()
        digest.add(plan.name)
        for key in Set(trials.map(\.key)).sorted() { digest.add(key) }
        return digest.hex
    }

    /// Names the numbers: every run's results with the timing left out (wall
    /// and training seconds, which no two runs share) and its label (a name),
    /// by trial key and seed. Equal digests mean bit-identical results, however
    /// the trials were sharded, resumed or ordered.
    public var resultsDigest: String {
        var digest = Digest()
        let encoder = ResultsFile.encoder
        for var run in runs.sorted(by: { ($0.trialKey ?? $0.label, $0.seed) < ($1.trialKey ?? $1.label, $1.seed) }) {
            run.label = ""
            run.wallSeconds = 0
            run.history.thresholdSeconds = run.history.thresholdSeconds.map { _ in 0 }
            for index in run.history.records.indices { run.history.records[index].seconds = 0 }
            digest.add(String(decoding: (try? encoder.encode(run)) ?? Data(), as: UTF8.self))
        }
        return digest.hex
    }
}
