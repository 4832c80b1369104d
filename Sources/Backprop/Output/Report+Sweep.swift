extension Report {
    static let rankedConfigurations = 15

    /// "## Sweep": the configurations ranked by their held-out score and the
    /// best setting of each contender; nothing without a sweep.
    static func sweepSection(_ result: ExperimentResult) -> [String] {
        guard let scores = SweepScores(result), !scores.entries.isEmpty else { return [] }
        func score(_ values: [Double?]) -> String {
            Statistic(values.compactMap { $0 }).map(\.text) ?? "–"
        }
        var lines = ["## Sweep", ""]
        lines.append("Best setting per contender, by mean final \(scores.metric) over seeds (\(scores.higherIsBetter ? "higher" : "lower") is better):")
        lines.append("")
        let ranked = scores.ranked
        for contender in scores.contenders {
            guard let best = ranked.first(where: { $0.run.contender == contender }) else { continue }
            let setting = best.run.sweepValues.map { "\($0.axis) = \($0.value)" }.joined(separator: ", ")
            var line = "- **\(escape(contender))**: \(escape(setting.isEmpty ? "its only setting" : setting)) — \(score(best.final))"
            if scores.hasBest { line += " (best epoch \(score(best.best)))" }
            if best.diverged > 0 { line += ", \(best.diverged) seed(s) diverged" }
            lines.append(line)
        }
        let shown = ranked.prefix(rankedConfigurations)
        lines += ["", "All configurations ranked\(ranked.count > shown.count ? " (top \(shown.count) of \(ranked.count); every one is in summary.json)" : ""):", ""]
        var header = ["rank", "run", "final \(scores.metric)"]
        if scores.hasBest { header.append("best epoch's") }
        header.append("diverged")
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for (rank, entry) in shown.enumerated() {
            var cells = ["\(rank + 1)", escape(entry.run.label), score(entry.final)]
            if scores.hasBest { cells.append(score(entry.best)) }
            cells.append("\(entry.diverged)/\(entry.final.count)")
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }
}
