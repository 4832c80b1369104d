import Foundation
import BackpropTraining

extension ExperimentResult {
    /// Names the resolved experiment: its name and the set of its trial keys
    /// (which hold everything that makes the numbers), in no particular
    /// order, so reordering the file keeps it.
    package var experimentDigest: String {
        var digest = Digest()
        digest.add(plan.name)
        for key in Set(trials.map(\.key)).sorted() { digest.add(key) }
        return digest.hex
    }

    /// Names the numbers: every run's results without what is not a result
    /// (its label, its trial key, which names the program too, the timing,
    /// which no two runs share, the decision grid and the BLAS kernel's name), in a canonical order. Equal digests mean
    /// bit-identical results, however the trials were sharded, resumed or
    /// ordered, and by whichever version of the program.
    package var resultsDigest: String {
        let encoder = ResultsJSON.encoder
        let encoded = runs.map { original -> String in
            var run = original
            run.label = ""
            run.trialKey = nil
            run.wallSeconds = 0
            run.decisionGrid = nil  // a picture of the weights, drawn only when a chart asks
            run.kernel = nil
            run.history.thresholdSeconds = run.history.thresholdSeconds.map { _ in 0 }
            for index in run.history.records.indices { run.history.records[index].seconds = 0 }
            return String(decoding: (try? encoder.encode(run)) ?? Data(), as: UTF8.self)
        }
        var digest = Digest()
        for text in encoded.sorted() { digest.add(text) }
        return digest.hex
    }
}
