import BackpropExperiment
import BackpropStatistics

/// The verdict in sentences: what it concludes, on which data, and, when it
/// cannot conclude, why and what would let it.
extension Verdict {
    /// Past this many, a sentence names the first few and points at the table.
    static let namesInASentence = 6

    static let validationChoseEpochsNote = "The validation set also chose each run's restored epoch (restore_best), so these numbers flatter the runs; hold out a test set for an unbiased verdict."
    static let validationChoseBaselinesNote = "The baselines' settings were chosen on these validation rows too, so their scores here flatter them as well."

    /// "On the test set (449 samples)," or the training set's warning and place.
    var place: String {
        let set = "the \(part.rawValue) set (\(samples) sample\(samples == 1 ? "" : "s")),"
        guard part == .training else { return "On " + set }
        return "There is no held-out data, so this ranks the training set, which rewards fitting it; add `split: {test: 0.2}` to the dataset for a fair verdict. On " + set
    }

    /// "accuracy 0.951 ± 0.029 over 5 seeds"
    func scoreWords(_ entry: Entry) -> String {
        guard let score = entry.score else { return "diverged" }
        return "\(metric.label) \(entry.scoreText)" + (score.count > 1 ? " over \(score.count) seeds" : "")
    }

    /// "-0.0120 [-0.0180, -0.0060], Wilcoxon p = 0.0078 (Holm-adjusted 0.016)"
    static func comparisonWords(_ comparison: Comparison) -> String {
        var text = signed(comparison.meanDifference)
        if let low = comparison.low, let high = comparison.high { text += " [\(signed(low)), \(signed(high))]" }
        text += ", Wilcoxon p = \(formatSignificant(comparison.p, digits: 2))"
        if let adjusted = comparison.adjustedP, adjusted != comparison.p { text += " (Holm-adjusted \(formatSignificant(adjusted, digits: 2)))" }
        return text
    }

    package static func signed(_ value: Double) -> String {
        value > 0 ? "+" + formatSignificant(value, digits: 3) : formatSignificant(value, digits: 3)
    }

    /// "A", "A and B", "A, B and C"
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Names for a sentence: all of them, or the first few and how many more.
    static func names(_ names: [String]) -> String {
        names.count <= namesInASentence ? list(names) : "\(names.count) runs (\(names.prefix(3).joined(separator: ", ")) and \(names.count - 3) more, in the table)"
    }

    func words(setting: Setting, orderedGroup: [Contender] = [], tieBreak: TieBreak? = nil) -> String {
        let networks = ranking.filter { $0.standing != .baseline }
        switch outcome {
        case .allDiverged:
            return "\(place) every run diverged: there is no winner."
        case .cannotChoose:
            return "This sweep has no validation split, so it cannot choose a setting fairly: choosing on the test set would make the chosen "
                + "settings' test scores optimistic, and the training set rewards fitting. Add `split: {validation: 0.2}` to the dataset; "
                + "the \(part.rawValue) scores below are for reading, not for choosing."
        case .noRunFinished:
            let best = networks.first { $0.score != nil }
            return "\(place) every run diverged on at least one seed, so none wins"
                + (best.map { ": \($0.label) fails least (\($0.diverged) of \($0.seedCount) seeds diverged), with \(metric.label) \($0.score?.text ?? "") over the seeds that finished." } ?? ".")
        case .clearWinner, .noClearWinner:
            break
        }
        guard let leader = networks.first(where: { $0.standing == .leader }) else { return "" }
        let sweepNote = setting.isSweep
            ? " The validation set chose among these settings, so their validation scores flatter them; "
                + (setting.hasTestScores ? "the test column, measured once, does not." : "hold out a test set to measure the chosen ones once.")
            : ""
        if networks.count == 1 {
            return "\(place) **\(leader.label)**, the only run, scores \(scoreWords(leader))." + sweepNote
        }
        if outcome == .noClearWinner { return groupWords(orderedGroup, tieBreak: tieBreak) + sweepNote }
        var text = "\(place) **\(leader.label)** wins with \(scoreWords(leader))"
        let others = networks.filter { $0.standing != .leader }
        let failed = others.contains { $0.standing == .partlyDiverged || $0.standing == .diverged }
        if let closest = others.first(where: { $0.standing == .behind }), let comparison = closest.comparison {
            text += "; every other run is behind it on the paired evidence\(failed ? " or diverged on some or all of its seeds" : "")"
                + " (the closest, \(closest.label): \(Self.comparisonWords(comparison)))"
        } else {
            text += "; every other run diverged on some or all of its seeds"
        }
        return text + "." + sweepNote
    }

    /// No clear winner: who is in the group, why the evidence cannot separate
    /// them, what would, who is behind, and the tie-break's order.
    private func groupWords(_ group: [Contender], tieBreak: TieBreak?) -> String {
        let pairs = ranking.compactMap(\.comparison?.pairs).max() ?? 1
        let seedWord = "\(pairs) seed\(pairs == 1 ? "" : "s")"
        var text = "\(place) there is no clear winner on \(metric.label) among \(Self.names(group.map(\.label))) at \(seedWord)"
        let identical = group.dropFirst().allSatisfy { $0.scores == group.first?.scores }
        if identical {
            let values = Set((group.first?.scores ?? []).compactMap { $0 })
            if Self.areOneTrial(group) {
                text += ": they are one trial under \(group.count) labels (the same settings), so no number of seeds separates them"
            } else if pairs >= 2, values.count == 1, let value = values.first, value == (metric.higherIsBetter ? 1 : 0) {
                text += ": they score \(formatSignificant(value, digits: 3)) on every seed, the metric's limit, so more seeds would not separate them"
            } else {
                text += ": they score the same on each of the \(seedWord)"
                if let seedsNeeded { text += ", too few for the test to decide — use ≥ \(seedsNeeded) seeds" }
            }
        } else {
            var reason: String?
            if pairs < minimumSeeds {
                let threshold = Self.significance / Double(max(familySize, 1))
                let smallest = formatSignificant(WilcoxonSignedRank.smallestP(pairs), digits: 2)
                reason = familySize > 1
                    ? "with \(seedWord) and \(familySize) runs to compare with the leader, the paired test cannot pass Holm's first threshold, 0.05/\(familySize) = \(formatSignificant(threshold, digits: 2)) (its smallest p is \(smallest))"
                    : "with \(seedWord) the paired test cannot reach p < \(formatNumber(Self.significance)) (its smallest p is \(smallest))"
            } else if let resolvable, resolvable > (sampleError ?? 0), seedsNeeded != nil || (sampleError ?? 0) == 0 {
                reason = "differences below \(formatSignificant(resolvable, digits: 2)) cannot be resolved with \(seedWord) and \(samples) \(part.rawValue) samples"
            }
            if let reason { text += ": " + reason }
            if let seedsNeeded {
                text += seedsNeededFor.map { " — about \(seedsNeeded) seeds would tell \($0), the clearest difference, from the leader (80% power); smaller differences need more" }
                    ?? " — use ≥ \(seedsNeeded) seeds for the test to decide at all"
            } else if let sampleError, sampleError > 0 {
                text += (reason == nil ? ": " : "; ") + "their differences are within the \(part.rawValue) set's sampling error (\(formatSignificant(sampleError, digits: 2))), "
                    + "so more seeds would not separate them; a larger \(part.rawValue) set could"
            }
        }
        text += "."
        let behind = ranking.filter { $0.standing == .behind }.map(\.label)
        if !behind.isEmpty { text += " Behind them: \(Self.names(behind))." }
        guard let tieBreak, group.count > 1 else { return text }
        let (first, second) = (group[0], group[1])
        guard tieBreak.isAhead(first, of: second) else {
            return text + " The declared tie-break (\(tieBreak.description)) does not separate \(first.label) and \(second.label) either: there is no winner; the diagnostics below show \(first.label), the first in the file."
        }
        // Name the measure that decided between the first two.
        let byTarget = tieBreak.usesTarget && tieBreak.epochs(first) != tieBreak.epochs(second)
        text += " By the declared tie-break, \(tieBreak.description): **\(first.label)** is first (\(tieBreak.valueText(first, decidedByTarget: byTarget, other: second)))"
        text += ", then \(second.label) (\(tieBreak.valueText(second, decidedByTarget: byTarget, other: first)))."
        return text
    }

    /// Lines about the baselines: one the networks do not clear — its score
    /// is better than the leader's mean, or some seed of the leader does not
    /// beat it by more than the set's sampling error (a rank test over seeds
    /// cannot judge a constant: with 3 seeds it could not even say 1.00 beats
    /// 0.50) — their validation-chosen settings, or why there are none.
    func baselineNotes(setting: Setting) -> [String] {
        if let reason = setting.noBaselines { return [reason] }
        let baselines = ranking.filter { $0.standing == .baseline }
        var notes: [String] = []
        if let leader = ranking.first(where: { $0.standing == .leader }) ?? ranking.first(where: { $0.standing != .baseline && $0.score != nil }),
           let leaderScore = leader.score {
            for baseline in baselines {
                guard let score = baseline.score?.mean else { continue }
                let what = baseline.baseline == .linear ? "the linear baseline" : "the trivial baseline"
                let its = "\(baseline.label) (\(baseline.detail ?? "fitted on the training rows"))"
                if metric.isBetter(score, than: leaderScore.mean) {
                    notes.append("No network beats \(what): \(its) scores \(metric.label) \(formatSignificant(score, digits: 3)) on the \(part.rawValue) set, the best network (\(leader.label)) \(leaderScore.text).")
                    continue
                }
                let margins = leader.scores.compactMap { $0 }.map { metric.higherIsBetter ? $0 - score : score - $0 }
                let close = margins.filter { $0 <= (sampleError ?? 0) }.count
                if close > 0 {
                    notes.append("The best network (\(leader.label), \(leaderScore.text)) is not clearly better than \(what), \(its), which scores \(formatSignificant(score, digits: 3)): "
                        + "on \(close) of its \(margins.count) seeds it is not ahead by more than the \(part.rawValue) set's sampling error (\(formatSignificant(sampleError ?? 0, digits: 2))).")
                }
            }
        }
        if part == .validation && baselines.contains(where: { $0.detail?.contains("chosen on the validation set") == true }) {
            notes.append(Self.validationChoseBaselinesNote)
        }
        return notes
    }
}
