import BackpropExperiment
import BackpropStatistics

/// The score of each run of a sweep, per seed, by which settings are chosen:
/// what the sensitivity charts plot and the report's Sweep section chooses
/// by. The validation set when there is one (final: the epoch the run ended
/// with; best: its best epoch), else the training set, which rewards fitting
/// (`choosesFairly` is false). Never the test set: what chooses must not score.
package struct SweepScores {
    package struct Entry {
        package var run: RunPlan
        /// Per seed; nil for a seed that diverged (no weights to measure).
        package var final: [Double?]
        package var best: [Double?]
        /// Per seed, the final loss on the part that chooses (the tie-break's second measure).
        var loss: [Double?]
        /// Per seed, the first epoch under `stop.loss_below`; nil without one.
        var thresholdEpochs: [Int?]?

        /// The mean over the seeds that have a score.
        package var finalMean: Double? { Statistic(final.compactMap { $0 })?.mean }
        package var bestMean: Double? { Statistic(best.compactMap { $0 })?.mean }
        package var diverged: Int { final.filter { $0 == nil }.count }
    }

    /// "validation accuracy", "training loss", ...
    package var metric: String
    /// Whether a validation set chooses (else the training set only describes).
    package var choosesFairly: Bool
    package var higherIsBetter: Bool
    /// Whether `best` differs from `final` (a held-out curve over epochs).
    package var hasBest: Bool
    package var entries: [Entry]
    /// The sweep's axes whose values are all numbers, in the sweep's order.
    package var numericAxes: [String]

    package init?(_ result: ExperimentResult) {
        guard !result.plan.sweepAxes.isEmpty else { return nil }
        let classification = result.classNames != nil
        higherIsBetter = classification
        let pick: (RunResult) -> (final: Double?, best: Double?)
        let validates = result.validationSamples > 0
        choosesFairly = validates
        if result.validationSamples > 0 {
            metric = classification ? "validation accuracy" : "validation RMSE"
            hasBest = true
            pick = { run in
                let records = run.history.records
                if classification {
                    return (run.history.endRecord?.validationAccuracy, records.compactMap(\.validationAccuracy).filter(\.isFinite).max())
                }
                return (run.history.endRecord?.validationRegression?.rmse, records.compactMap(\.validationRegression?.rmse).filter(\.isFinite).min())
            }
        } else {
            metric = classification ? "training accuracy" : "training loss"
            hasBest = true
            pick = { run in
                let records = run.history.records
                if classification { return (run.history.endRecord?.accuracy, records.compactMap(\.accuracy).max()) }
                return (run.history.endRecord?.loss, records.map(\.loss).filter(\.isFinite).min())
            }
        }
        entries = result.plan.runs.compactMap { run in
            let results = result.results(for: run.label)
            guard !results.isEmpty else { return nil }
            let scores = results.map(pick)
            let losses = results.map { result in result.history.endRecord.flatMap { validates ? $0.validationLoss : $0.loss } }
            return Entry(run: run, final: scores.map { $0.final.flatMap { $0.isFinite ? $0 : nil } },
                         best: scores.map { $0.best.flatMap { $0.isFinite ? $0 : nil } }, loss: losses,
                         thresholdEpochs: run.stopping.lossBelow == nil ? nil : results.map(\.history.thresholdEpoch))
        }
        let runs = entries.map(\.run)
        numericAxes = result.plan.sweepAxes.filter { axis in
            let values = runs.compactMap { $0.sweepValues.first { $0.axis == axis } }
            return !values.isEmpty && values.allSatisfy { $0.number != nil } && Set(values.map(\.value)).count > 1
        }
    }

    /// Whether score `a` is better than `b` (a missing score is the worst).
    package func isBetter(_ a: Double?, than b: Double?) -> Bool {
        (higherIsBetter ? Metric.accuracy : .rmse).isBetter(a, than: b)
    }

    /// The entries in the order settings are chosen: fewest diverged seeds
    /// first (a mean over the survivors flatters a setting that diverged),
    /// then the best mean final score; among equal scores (an easy problem's
    /// accuracy is often 1.0 at several rates) the verdict's tie-break: the
    /// fewest epochs to `stop.loss_below`, then the lower final loss on the
    /// part that chooses; then the file's order.
    package var ranked: [Entry] { ranked(epochsToTarget: \.thresholdEpochs) }

    /// `ranked`, with the tie-break's epochs to a target of the caller's (a suite problem's).
    package func ranked(epochsToTarget: (Entry) -> [Int?]?) -> [Entry] {
        let contenders = entries.map { entry in
            Verdict.Contender(label: entry.run.label, scores: entry.final, epochsToTarget: epochsToTarget(entry), tieBreakLoss: entry.loss)
        }
        let tieBreak = TieBreak(contenders: contenders, part: choosesFairly ? .validation : .training)
        return entries.indices.sorted { left, right in
            let (a, b) = (entries[left], entries[right])
            if a.diverged != b.diverged { return a.diverged < b.diverged }
            if isBetter(a.finalMean, than: b.finalMean) { return true }
            if isBetter(b.finalMean, than: a.finalMean) { return false }
            if tieBreak.isAhead(contenders[left], of: contenders[right]) { return true }
            if tieBreak.isAhead(contenders[right], of: contenders[left]) { return false }
            return left < right
        }.map { entries[$0] }
    }

    package var contenders: [String] {
        var seen = Set<String>()
        return entries.map(\.run.contender).filter { seen.insert($0).inserted }
    }

    /// For one contender, the best entry at each value of `axis` (best over
    /// the other axes), by value.
    package func profile(_ contender: String, along axis: String) -> [(x: Double, entry: Entry)] {
        var best: [Double: Entry] = [:]
        for entry in entries where entry.run.contender == contender {
            guard let x = entry.run.sweepValues.first(where: { $0.axis == axis })?.number else { continue }
            if let current = best[x], !isBetter(entry.finalMean, than: current.finalMean) { continue }
            best[x] = entry
        }
        return best.keys.sorted().compactMap { x in best[x].map { (x, $0) } }
    }
}
