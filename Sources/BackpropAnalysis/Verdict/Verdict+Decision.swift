import BackpropExperiment
import BackpropStatistics

/// How the verdict decides: the leader, the paired comparisons and their
/// Holm family, the standings, the leading group and what would resolve it.
extension Verdict {
    package init?(_ contenders: [Contender], setting: Setting) {
        let networks = contenders.filter { !$0.isBaseline }
        guard !networks.isEmpty else { return nil }
        let metric = setting.metric
        self.metric = metric
        part = setting.part
        samples = setting.samples
        seeds = setting.seeds
        tieBreakPart = setting.tieBreakPart
        outcome = .allDiverged
        ranking = []
        winner = nil
        winnerByTieBreak = false
        notes = []
        sentence = ""
        let tieBreak = TieBreak(contenders: networks, part: setting.tieBreakPart)
        self.tieBreak = tieBreak.description

        if setting.isSweep && setting.part != .validation {
            // Nothing may be chosen: the scores in file order, for reading.
            outcome = .cannotChoose
            ranking = contenders.map { Self.entry($0, standing: $0.isBaseline ? .baseline : .unranked, comparison: nil, tieBreak: tieBreak) }
            sentence = words(setting: setting)
            return
        }
        let finished = networks.filter(\.finished)
        // The best mean; equal means go by the tie-break, then the file's order.
        let leader = finished.min { a, b in
            metric.isBetter(a.score?.mean, than: b.score?.mean)
                || (!metric.isBetter(b.score?.mean, than: a.score?.mean) && tieBreak.isAhead(a, of: b))
        }
        sampleError = leader.flatMap { leader in
            HeldOutError.of(leader.score?.mean, metric: metric, samples: setting.samples,
                            rmseStandardError: setting.rmseStandardErrors[leader.label])
        }
        // One family of claims: each other run that finished against the leader, Holm-adjusted.
        var comparisons = contenders.map { contender -> Comparison? in
            guard let leader, contender.label != leader.label || contender.isBaseline else { return nil }
            return Self.compare(contender, with: leader)
        }
        let family = contenders.indices.filter { !contenders[$0].isBaseline && contenders[$0].finished && comparisons[$0] != nil }
        let adjusted = HolmAdjustment.adjust(family.map { comparisons[$0]?.p ?? .nan })
        for (index, p) in zip(family, adjusted) { comparisons[index]?.adjustedP = p }
        familySize = family.count
        var entries: [Entry] = []
        var group: [Contender] = []
        for (contender, comparison) in zip(contenders, comparisons) {
            let standing: Standing
            if contender.isBaseline {
                standing = .baseline
            } else if contender.score == nil {
                standing = .diverged
            } else if !contender.finished {
                standing = .partlyDiverged
            } else if contender.label == leader?.label {
                standing = .leader
            } else if let comparison, isSeparated(comparison) {
                standing = .behind
            } else {
                standing = .leadingGroup
            }
            if standing == .leader || standing == .leadingGroup { group.append(contender) }
            entries.append(Self.entry(contender, standing: standing, comparison: comparison, tieBreak: tieBreak))
        }
        let ordered = tieBreak.ordered(group)
        ranking = Self.order(entries, group: ordered.map(\.label), metric: metric)
        guard let leader else {
            outcome = networks.contains { $0.score != nil } ? .noRunFinished : .allDiverged
            sentence = words(setting: setting)
            notes = baselineNotes(setting: setting)
            return
        }
        if ordered.count == 1 {
            outcome = .clearWinner
            winner = leader.label
        } else {
            outcome = .noClearWinner
            winner = ordered.first?.label
            winnerByTieBreak = true
            resolve(ordered, leader: leader)
        }
        sentence = words(setting: setting, orderedGroup: ordered, tieBreak: tieBreak)
        notes = baselineNotes(setting: setting) + (setting.validationChoseEpochs && setting.part == .validation ? [Self.validationChoseEpochsNote] : [])
    }

    static func entry(_ contender: Contender, standing: Standing, comparison: Comparison?, tieBreak: TieBreak) -> Entry {
        Entry(rank: nil, label: contender.label, standing: standing, score: contender.score, scores: contender.scores,
              diverged: contender.diverged, missing: contender.missing, seedCount: contender.scores.count, comparison: comparison,
              epochsToTarget: tieBreak.epochs(contender), targetReached: contender.epochsToTarget.map { $0.compactMap { $0 }.count },
              tieBreakLoss: Statistic(contender.tieBreakLoss.compactMap { $0 }), testScore: Statistic(contender.testScores.compactMap { $0 }),
              detail: contender.detail, baseline: contender.baseline)
    }

    /// Whether `comparison` puts a run below the leader: a significant paired
    /// test (Holm-adjusted within the family; a baseline's alone) and a
    /// difference at least the set's sampling error.
    func isSeparated(_ comparison: Comparison) -> Bool {
        let worse = metric.higherIsBetter ? comparison.meanDifference < 0 : comparison.meanDifference > 0
        return worse && (comparison.adjustedP ?? comparison.p) < Self.significance && abs(comparison.meanDifference) > (sampleError ?? 0)
    }

    /// `contender` against `leader` on the seeds where both have a score.
    static func compare(_ contender: Contender, with leader: Contender) -> Comparison? {
        let differences = zip(contender.scores, leader.scores).compactMap { pair -> Double? in
            guard let own = pair.0, let lead = pair.1 else { return nil }
            return snapped(own - lead, scale: max(abs(own), abs(lead)))
        }
        guard !differences.isEmpty else { return nil }
        let paired = PairedComparison(differences: differences)
        let scale = differences.map(abs).max() ?? 0
        return Comparison(pairs: paired.count, meanDifference: snapped(paired.meanDifference, scale: scale),
                          standardDeviation: paired.standardDeviation, zeroDifferences: differences.filter { $0 == 0 }.count,
                          low: paired.confidenceInterval?.lowerBound, high: paired.confidenceInterval?.upperBound, p: paired.wilcoxon.p)
    }

    /// Accuracies are k/N: two equal ones, or a mean of differences that
    /// cancel, can differ from 0 in the last bits, which is not a difference.
    static func snapped(_ value: Double, scale: Double) -> Double {
        abs(value) <= 1e-12 * scale ? 0 : value
    }

    /// The fewest seeds with which the exact test can pass Holm's first
    /// threshold, α / family size, at all.
    var minimumSeeds: Int {
        let threshold = Self.significance / Double(max(familySize, 1))
        return (1...PairedComparison.maximumSeeds).first { WilcoxonSignedRank.smallestP($0) < threshold } ?? PairedComparison.maximumSeeds
    }

    /// What these seeds and this set can resolve in the leading group, and
    /// how many seeds would tell its clearest difference from the leader.
    mutating func resolve(_ group: [Contender], leader: Contender) {
        let members = group.filter { $0.label != leader.label }
        let comparisons = members.compactMap { member in Self.compare(member, with: leader).map { (member.label, $0) } }
        let pairs = comparisons.map(\.1.pairs).max() ?? 0
        let level = 1 - Self.significance / Double(max(familySize, 1))
        if pairs >= minimumSeeds {
            // The half-width at Holm's level: what the interval of a difference spans at these seeds.
            let halfWidths = comparisons.map { _, comparison -> Double in
                guard comparison.standardDeviation > 0 else { return 0 }
                return StudentT.quantile((1 + level) / 2, degreesOfFreedom: Double(comparison.pairs - 1))
                    * comparison.standardDeviation / Double(comparison.pairs).squareRoot()
            }
            resolvable = max(sampleError ?? 0, halfWidths.max() ?? 0)
        }
        guard let (label, clearest) = comparisons.max(by: { abs($0.1.meanDifference) < abs($1.1.meanDifference) }),
              clearest.meanDifference != 0 else {
            // The same score on every paired seed: below the test's minimum that is no evidence yet,
            // unless they are one trial under several labels.
            if pairs < minimumSeeds && !Self.areOneTrial(group) { seedsNeeded = minimumSeeds }
            return
        }
        // Within the sampling error: a larger set could tell, more seeds cannot.
        guard abs(clearest.meanDifference) > (sampleError ?? 0) else { return }
        guard var needed = clearest.pairs >= 2
            ? PairedComparison.seedsNeeded(toResolve: clearest.meanDifference, standardDeviation: clearest.standardDeviation,
                                           level: level, power: Self.power)
            : minimumSeeds else { return }
        // The test leaves out equal pairs: as many more seeds as the share of them.
        let zeros = Double(clearest.zeroDifferences) / Double(max(clearest.pairs, 1))
        if zeros > 0 && zeros < 1 { needed = Int((Double(needed) / (1 - zeros)).rounded(.up)) }
        seedsNeeded = needed
        seedsNeededFor = label
    }

    /// Whether every contender ran the very same trials (the same settings under other labels).
    static func areOneTrial(_ contenders: [Contender]) -> Bool {
        guard let first = contenders.first?.trials, !first.isEmpty else { return false }
        return contenders.allSatisfy { $0.trials == first }
    }
}
