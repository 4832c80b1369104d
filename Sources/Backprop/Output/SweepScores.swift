/// The score of each run of a sweep, per seed, by which settings are chosen:
/// what the sensitivity charts plot and the report's Sweep section chooses
/// by. The validation set when there is one (final: the epoch the run ended
/// with; best: its best epoch), else the training set, which rewards fitting
/// (`choosesFairly` is false). Never the test set: what chooses must not score.
struct SweepScores {
    struct Entry {
        var run: RunPlan
        /// Per seed; nil for a seed that diverged (no weights to measure).
        var final: [Double?]
        var best: [Double?]

        /// The mean over the seeds that have a score.
        var finalMean: Double? { Statistic(final.compactMap { $0 })?.mean }
        var bestMean: Double? { Statistic(best.compactMap { $0 })?.mean }
        var diverged: Int { final.filter { $0 == nil }.count }
    }

    /// "validation accuracy", "training loss", ...
    var metric: String
    /// Whether a validation set chooses (else the training set only describes).
    var choosesFairly: Bool
    var higherIsBetter: Bool
    /// Whether `best` differs from `final` (a held-out curve over epochs).
    var hasBest: Bool
    var entries: [Entry]
    /// The sweep's axes whose values are all numbers, in the sweep's order.
    var numericAxes: [String]

    init?(_ result: ExperimentResult) {
        guard !result.plan.sweepAxes.isEmpty else { return nil }
        let classification = result.classNames != nil
        higherIsBetter = classification
        let end = Summary.end
        let pick: (RunResult) -> (final: Double?, best: Double?)
        choosesFairly = result.validationSamples > 0
        if result.validationSamples > 0 {
            metric = classification ? "validation accuracy" : "validation RMSE"
            hasBest = true
            pick = { run in
                let records = run.history.records
                if classification {
                    return (end(run.history)?.validationAccuracy, records.compactMap(\.validationAccuracy).filter(\.isFinite).max())
                }
                return (end(run.history)?.validationRegression?.rmse, records.compactMap(\.validationRegression?.rmse).filter(\.isFinite).min())
            }
        } else {
            metric = classification ? "training accuracy" : "training loss"
            hasBest = true
            pick = { run in
                let records = run.history.records
                if classification { return (end(run.history)?.accuracy, records.compactMap(\.accuracy).max()) }
                return (end(run.history)?.loss, records.map(\.loss).filter(\.isFinite).min())
            }
        }
        entries = result.plan.runs.compactMap { run in
            let results = result.results(for: run.label)
            guard !results.isEmpty else { return nil }
            let scores = results.map(pick)
            return Entry(run: run, final: scores.map { $0.final.flatMap { $0.isFinite ? $0 : nil } },
                         best: scores.map { $0.best.flatMap { $0.isFinite ? $0 : nil } })
        }
        let runs = entries.map(\.run)
        numericAxes = result.plan.sweepAxes.filter { axis in
            let values = runs.compactMap { $0.sweepValues.first { $0.axis == axis } }
            return !values.isEmpty && values.allSatisfy { $0.number != nil } && Set(values.map(\.value)).count > 1
        }
    }

    /// Whether score `a` is better than `b` (a missing score is the worst).
    func isBetter(_ a: Double?, than b: Double?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        return higherIsBetter ? a > b : a < b
    }

    /// The entries in rank order: fewest diverged seeds first (a mean over the
    /// survivors flatters a setting that diverged), then the best mean final
    /// score; ties keep the file's order.
    var ranked: [Entry] {
        entries.enumerated().sorted { left, right in
            if left.element.diverged != right.element.diverged { return left.element.diverged < right.element.diverged }
            if isBetter(left.element.finalMean, than: right.element.finalMean) { return true }
            if isBetter(right.element.finalMean, than: left.element.finalMean) { return false }
            return left.offset < right.offset
        }.map(\.element)
    }

    var contenders: [String] {
        var seen = Set<String>()
        return entries.map(\.run.contender).filter { seen.insert($0).inserted }
    }

    /// For one contender, the best entry at each value of `axis` (best over
    /// the other axes), by value.
    func profile(_ contender: String, along axis: String) -> [(x: Double, entry: Entry)] {
        var best: [Double: Entry] = [:]
        for entry in entries where entry.run.contender == contender {
            guard let x = entry.run.sweepValues.first(where: { $0.axis == axis })?.number else { continue }
            if let current = best[x], !isBetter(entry.finalMean, than: current.finalMean) { continue }
            best[x] = entry
        }
        return best.keys.sorted().compactMap { x in best[x].map { (x, $0) } }
    }
}
