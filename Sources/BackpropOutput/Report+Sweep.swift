import BackpropAnalysis

extension Report {
    /// "## Sweep": the best setting of each contender by the validation
    /// score, with its test score beside it (measured once, never used to
    /// choose); every setting is in the verdict's ranking. Nothing without a sweep.
    static func sweepSection(_ result: ExperimentResult) -> [String] {
        guard let scores = SweepScores(result), !scores.entries.isEmpty else { return [] }
        func score(_ values: [Double?]) -> String {
            Statistic(values.compactMap { $0 }).map(\.text) ?? "–"
        }
        var lines = ["## Sweep", ""]
        guard scores.choosesFairly else {
            return lines + ["This sweep has no validation split, so it chooses no setting: the \(scores.metric) would reward fitting, and the test set must not choose. "
                            + "Add `split: {validation: 0.2}` to the dataset. The sensitivity charts show the \(scores.metric), for reading.", ""]
        }
        let classification = result.classNames != nil
        lines.append("Best setting per contender, by mean final \(scores.metric) over seeds (\(scores.higherIsBetter ? "higher" : "lower") is better)"
                     + (result.testSamples > 0 ? ", with its \((classification ? Metric.testAccuracy : .testRMSE).label), measured once and not used to choose:" : ":"))
        lines.append("")
        let ranked = scores.ranked
        for contender in scores.contenders {
            guard let best = ranked.first(where: { $0.run.contender == contender }) else { continue }
            let setting = best.run.sweepValues.map { "\($0.axis) = \($0.value)" }.joined(separator: ", ")
            var line = "- **\(escape(contender))**: \(escape(setting.isEmpty ? "its only setting" : setting)) — \(score(best.final))"
            if scores.hasBest { line += " (best epoch \(score(best.best)))" }
            if result.testSamples > 0 {
                let tests = result.results(for: best.run.label).map { classification ? $0.test?.accuracy : $0.test?.regression?.rmse }
                line += "; test \(score(tests))"
            }
            if best.diverged > 0 { line += ", \(best.diverged) seed(s) diverged" }
            lines.append(line)
        }
        return lines + [""]
    }
}
