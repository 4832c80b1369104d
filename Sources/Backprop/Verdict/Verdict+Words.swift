/// The verdict in sentences: what it concludes, on which data, and, when it
/// cannot conclude, why and what would let it.
extension Verdict {
    /// Past this many, a sentence names the first few and points at the table.
    static let namesInASentence = 6

    static let validationChoseEpochsNote = "The validation set also chose each run's restored epoch (restore_best), so these numbers flatter the runs; hold out a test set for an unbiased verdict."

    /// "On the test set (449 samples)," or the training set's warning.
    var place: String {
        switch part {
        case .training:
            return "There is no held-out data, so this ranks the training set, which rewards fitting it; add `split: {test: 0.2}` to the dataset for a fair verdict. "
                + "On the training set (\(samples) sample\(samples == 1 ? "" : "s")),"
        case .test, .validation:
            return "On the \(part.rawValue) set (\(samples) sample\(samples == 1 ? "" : "s")),"
        }
    }

    /// "0.951 ± 0.029 over 5 seeds"
    func scoreWords(_ entry: Entry) -> String {
        guard let score = entry.score else { return "diverged" }
        return "\(metric.title) \(entry.scoreText)" + (score.count > 1 ? " over \(score.count) seeds" : "")
    }

    /// "−0.0120 [−0.0180, −0.0060], Wilcoxon p = 0.0078"
    static func comparisonWords(_ comparison: Comparison) -> String {
        var text = signed(comparison.meanDifference)
        if let low = comparison.low, let high = comparison.high { text += " [\(signed(low)), \(signed(high))]" }
        text += ", Wilcoxon p = \(formatSignificant(comparison.p, digits: 2))"
        if let adjusted = comparison.adjustedP, adjusted != comparison.p { text += " (Holm-adjusted \(formatSignificant(adjusted, digits: 2)))" }
        return text
    }

    static func signed(_ value: Double) -> String {
        value > 0 ? "+" + formatSignificant(value, digits: 3) : formatSignificant(value, digits: 3)
    }

    /// "A", "A and B", "A, B and C"
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    func words(setting: Setting? = nil, orderedGroup: [Contender] = [], tieBreak: TieBreak? = nil) -> String {
        let networks = ranking.filter { $0.standing != .baseline }
        guard let leader = networks.first(where: { $0.standing == .leader || $0.standing == .partlyDiverged }), leader.score != nil else {
            return "\(place) every run diverged: there is no winner."
        }
        if outcome == .cannotChoose {
            return "This sweep has no validation split, so it cannot choose a setting fairly: choosing on the test set would make the chosen "
                + "settings' test scores optimistic, and the training set rewards fitting. Add `split: {validation: 0.2}` to the dataset; "
                + "the \(part == .training ? "training" : part.rawValue) scores below are for reading, not for choosing."
        }
        let sweepNote = setting?.isSweep == true
            ? " The validation set chose among these settings, so their validation scores flatter them; "
                + (setting?.hasTestScores == true ? "the test column, measured once, does not." : "hold out a test set to measure the chosen ones once.")
            : ""
        if leader.standing == .partlyDiverged {
            return "\(place) every run diverged on at least one seed, so none wins: **\(leader.label)** has the best \(metric.title) over the seeds that finished, \(leader.scoreText)." + sweepNote
        }
        if networks.count == 1 {
            return "\(place) **\(leader.label)**, the only run, scores \(scoreWords(leader))." + sweepNote
        }
        switch outcome {
        case .clearWinner:
            var text = "\(place) **\(leader.label)** wins with \(scoreWords(leader))"
            let others = networks.filter { $0.label != leader.label }
            if others.allSatisfy({ $0.standing == .diverged }) {
                text += "; every other run diverged"
            } else if let closest = others.first(where: { $0.standing == .behind }), let comparison = closest.comparison {
                text += "; every other run is behind it on the paired evidence (the closest, \(closest.label): \(Self.comparisonWords(comparison)))"
                if others.contains(where: { $0.standing != .behind }) { text += " or diverged on some seeds" }
            } else {
                text += "; every other run diverged on some seeds"
            }
            return text + "." + sweepNote
        case .noClearWinner:
            return groupWords(orderedGroup, tieBreak: tieBreak) + sweepNote
        case .allDiverged, .cannotChoose:
            return "\(place) every run diverged: there is no winner."
        }
    }

    /// No clear winner: who is in the group, why the evidence cannot separate
    /// them, what would, and the tie-break's order.
    private func groupWords(_ group: [Contender], tieBreak: TieBreak?) -> String {
        let names = group.map(\.label)
        let pairs = ranking.compactMap(\.comparison?.pairs).max() ?? 1
        let seedWord = "\(pairs) seed\(pairs == 1 ? "" : "s")"
        let identical = group.dropFirst().allSatisfy { $0.scores == group.first?.scores }
        let among = names.count <= Self.namesInASentence
            ? Self.list(names) : "\(names.count) runs (\(names.prefix(3).joined(separator: ", ")) and \(names.count - 3) more, in the table)"
        var text = "\(place) there is no clear winner on \(metric.title) among \(among) at \(seedWord)"
        if identical, let first = group.first?.scores.first ?? nil {
            text += ": they score \(formatSignificant(first, digits: 3)) on every seed, so more seeds would not separate them"
        } else {
            let smallest = WilcoxonSignedRank.smallestP(pairs)
            let threshold = Self.significance / Double(max(familySize, 1))
            var reason: String?
            if smallest >= threshold {
                reason = familySize > 1
                    ? "with \(seedWord) and \(familySize) runs to compare with the leader, the paired test cannot pass Holm's first threshold, 0.05/\(familySize) = \(formatSignificant(threshold, digits: 2)) (its smallest p is \(formatSignificant(smallest, digits: 2)))"
                    : "with \(seedWord) the paired test cannot reach p < \(formatNumber(Self.significance)) (its smallest p is \(formatSignificant(smallest, digits: 2)))"
                if let resolvable, resolvable > 0 { reason? += ", and differences below \(formatSignificant(resolvable, digits: 2)) could not be resolved" }
            } else if let resolvable, resolvable > (sampleError ?? 0) {
                reason = "differences below \(formatSignificant(resolvable, digits: 2)) cannot be resolved with \(seedWord) and \(samples) \(part.rawValue) samples"
            }
            if let reason { text += ": " + reason }
            if let seedsNeeded {
                text += " — use ≥ \(seedsNeeded) seeds"
            } else if let sampleError, sampleError > 0 {
                text += (reason == nil ? ": " : "; ") + "their differences are within the \(part.rawValue) set's sampling error (\(formatSignificant(sampleError, digits: 2))), "
                    + "so more seeds would not separate them, a larger \(part.rawValue) set could"
            }
        }
        text += "."
        let behind = ranking.filter { $0.standing == .behind }.map(\.label)
        if !behind.isEmpty {
            text += behind.count <= Self.namesInASentence ? " Behind them: \(Self.list(behind))." : " Behind them: \(behind.count) runs."
        }
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

    /// A line when the networks do not clear a baseline's bar: its score is
    /// better than the leader's mean, or some seed of the leader does not beat
    /// it by more than the set's sampling error. (A rank test over seeds
    /// cannot judge a constant: with 3 seeds it could not even say 1.00
    /// beats 0.50.)
    func baselineNotes() -> [String] {
        guard let leader = ranking.first(where: { $0.standing == .leader || $0.standing == .partlyDiverged }),
              let leaderScore = leader.score else { return [] }
        let part = self.part == .training ? "training" : self.part.rawValue
        return ranking.filter { $0.standing == .baseline }.compactMap { baseline -> String? in
            guard let score = baseline.score?.mean else { return nil }
            let what = baseline.baseline == .linear ? "the linear baseline" : "the trivial baseline"
            let its = "\(baseline.label) (\(baseline.detail ?? "fitted on the training rows"))"
            if metric.isBetter(score, than: leaderScore.mean) {
                return "No network beats \(what): \(its) scores \(metric.title) \(formatSignificant(score, digits: 3)) on the \(part) set, the best network (\(leader.label)) \(leaderScore.text)."
            }
            let margins = leader.scores.compactMap { $0 }.map { metric.higherIsBetter ? $0 - score : score - $0 }
            let close = margins.filter { $0 <= (sampleError ?? 0) }.count
            guard close > 0 else { return nil }
            return "The best network (\(leader.label), \(leaderScore.text)) is not clearly better than \(what), \(its), which scores \(formatSignificant(score, digits: 3)): "
                + "on \(close) of its \(margins.count) seeds it is not ahead by more than the \(part) set's sampling error (\(formatSignificant(sampleError ?? 0, digits: 2)))."
        }
    }
}
