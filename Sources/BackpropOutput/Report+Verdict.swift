import BackpropAnalysis

/// report.md's verdict: the sentence, the ranking with each run's paired
/// comparison with the leader, and how to read it; and the diagnostics of
/// the run the verdict names.
extension Report {
    /// Rows of a long ranking shown beyond the leading group; every one is in summary.json.
    static let rankedRows = 15

    static func verdictSection(_ verdict: Verdict) -> [String] {
        var lines = ["## Verdict", "", verdict.sentence, ""]
        for note in verdict.notes { lines += ["**\(escape(note))**", ""] }
        lines += verdictTable(verdict) + [""]
        lines += [howToRead(verdict), ""]
        return lines
    }

    static func verdictTable(_ verdict: Verdict) -> [String] {
        let part = verdict.part.rawValue
        let hasTarget = verdict.ranking.contains { $0.epochsToTarget != nil }
        let hasTest = verdict.ranking.contains { $0.testScore != nil }
        let compares = verdict.outcome != .cannotChoose
        var header = ["rank", "run", "\(part) \(verdict.metric.label)", "standing"]
        if compares { header += ["minus the leader, per seed: mean [95% CI]", "Wilcoxon p (Holm)"] }
        if hasTest { header.append("test \(verdict.metric.label) (not used to choose)") }
        if hasTarget { header.append("epochs to loss target (median)") }
        header.append("\(verdict.tieBreakPart.rawValue) loss")
        var lines = row(header) + [separator(header.count)]
        // Every run of the leading group, then up to `rankedRows` more.
        var others = 0
        let shown = verdict.ranking.filter { entry in
            if entry.standing == .baseline || entry.standing == .leader || entry.standing == .leadingGroup { return true }
            others += 1
            return others <= rankedRows
        }
        for entry in shown {
            var cells = [entry.rank.map(String.init) ?? "–", escape(entry.label) + (entry.standing == .baseline ? " (baseline)" : ""),
                         entry.scoreText, standingText(entry, verdict: verdict)]
            if compares {
                if let comparison = entry.comparison {
                    if comparison.meanDifference == 0 && comparison.standardDeviation == 0 {
                        cells.append(comparison.pairs > 1 ? "0 (the same on each of the \(comparison.pairs) paired seeds)" : "0")
                    } else {
                        var text = Verdict.signed(comparison.meanDifference)
                        if let low = comparison.low, let high = comparison.high { text += " [\(Verdict.signed(low)), \(Verdict.signed(high))]" }
                        cells.append(text)
                    }
                    cells.append(formatSignificant(comparison.p, digits: 2) + (comparison.adjustedP.map { " (\(formatSignificant($0, digits: 2)))" } ?? ""))
                } else {
                    cells += ["—", "—"]
                }
            }
            if hasTest { cells.append(entry.testScore?.text ?? "—") }
            if hasTarget {
                let reached = entry.targetReached.map { "\($0)/\(entry.seedCount) seeds" } ?? ""
                cells.append(entry.epochsToTarget.map { ($0.isFinite ? formatEpochs($0) : "never") + " (\(reached))" } ?? "—")
            }
            cells.append(entry.tieBreakLoss?.text ?? "—")
            lines += row(cells)
        }
        if shown.count < verdict.ranking.count {
            lines += ["", "(\(shown.filter { $0.standing != .baseline }.count) of \(verdict.ranking.filter { $0.standing != .baseline }.count) runs shown; every one is in summary.json.)"]
        }
        return lines
    }

    static func standingText(_ entry: Verdict.Entry, verdict: Verdict) -> String {
        let missing = entry.missing > 0 ? " (\(entry.missing) of \(entry.seedCount) seeds missing)" : ""
        switch entry.standing {
        case .leader:
            if verdict.ranking.filter({ $0.standing != .baseline }).count == 1 { return "the only run" + missing }
            return (verdict.outcome == .clearWinner ? "**winner**" : "leader (best mean)") + missing
        case .leadingGroup: return "not told apart" + missing
        case .behind: return "behind" + missing
        case .partlyDiverged: return "diverged on \(entry.diverged)/\(entry.seedCount) seeds"
        case .diverged: return "diverged"
        case .baseline: return escape(entry.detail ?? "baseline")
        case .unranked: return "not ranked" + missing
        }
    }

    /// The rule in one paragraph, with this verdict's numbers.
    static func howToRead(_ verdict: Verdict) -> String {
        let part = verdict.part.rawValue
        guard verdict.outcome != .cannotChoose else {
            return "Nothing here is ranked: a sweep chooses its settings on a validation set, and this one has none. The scores are the \(part) set's, in the file's order."
        }
        var text = "How this is decided: runs share their seeds, so each is compared with the leader (the best mean among runs that finished every seed) seed by seed. "
            + "A run is *behind* when the two-sided Wilcoxon signed-rank test (exact) of the paired differences gives p < 0.05"
            + (verdict.familySize > 1 ? " after Holm's adjustment over the \(verdict.familySize) runs compared" : "")
            + ", and the mean difference is at least the \(part) set's sampling error"
        if let error = verdict.sampleError {
            text += verdict.metric == .accuracy
                ? " (\(formatSignificant(error, digits: 2)): the binomial standard error of the leader's accuracy on \(verdict.samples) samples, at least one sample's worth)"
                : " (\(formatSignificant(error, digits: 2)): the standard error of the leader's RMSE on \(verdict.samples) samples)"
        }
        text += ", a minimum difference worth calling a win: a smaller one is within how far either score would move on another set of this size. "
            + "The interval is a 95% t interval of the mean paired difference. Runs not behind the leader share rank 1 and are ordered by the declared tie-break: \(verdict.tieBreak)."
        if verdict.ranking.contains(where: { $0.epochsToTarget != nil }) {
            text += " Epochs are counted whatever the batch size: an epoch of batch 1 takes as many steps as there are samples."
        }
        let baselines = verdict.ranking.filter { $0.standing == .baseline }
        if !baselines.isEmpty {
            let chosen = baselines.contains { $0.detail?.contains("chosen on the validation set") == true }
            text += " Baselines are fitted on the training rows"
                + (chosen ? ", their settings chosen on the validation set only" : " with scikit-learn's default settings")
                + "; they are bars to clear, never winners."
        }
        return text
    }

    /// The test-set confusion matrix of the run the verdict names, on its
    /// median seed by the verdict's score (a chart shows regression's predictions).
    static func winnerDiagnostics(_ result: ExperimentResult, verdict: Verdict?) -> [String] {
        guard let names = result.classNames, let (run, why) = verdict?.diagnosedRun(in: result), let confusion = run.test?.confusion else { return [] }
        return ["## Test-set confusion matrix of \(escape(run.label)), seed \(run.seed)", "", escape(why), ""]
            + confusionTable(confusion, names: names) + [""]
    }
}
