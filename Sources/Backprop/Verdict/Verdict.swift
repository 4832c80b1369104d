/// The conclusion a report draws from its runs: who did best on one metric
/// (accuracy for classification, RMSE for regression) on one part of the
/// data, and whether the evidence can tell.
///
/// Runs of an experiment share their seeds (the same starting weights and
/// data order per seed), so a run is compared with the leader seed by seed:
/// the paired differences, their mean with a 95% t interval, and a two-sided
/// Wilcoxon signed-rank test (exact). The leader is the run with the best
/// mean among those that finished every seed. Another run is **behind** it
/// when the test gives p < 0.05 *and* the mean difference is larger than the
/// held-out set's own sampling error (`HeldOutError`); the runs that are not
/// form the **leading group** with it. One run alone is a clear winner;
/// otherwise the group is ordered by a declared tie-break — fewest epochs to
/// the loss target (when the runs have one), then the lower held-out loss —
/// and the sentence says so. Runs that diverged on some seeds rank after
/// every run that finished (a mean over the survivors flatters them).
///
/// Sweeps rank their settings on the validation set only, with the test
/// scores beside them; a sweep without a validation split does not choose.
package struct Verdict: Codable, Sendable {
    package enum Part: String, Codable, Sendable {
        case test, validation, training
    }

    package enum Metric: String, Codable, Sendable {
        case accuracy, rmse

        var title: String { self == .rmse ? "RMSE" : "accuracy" }
        var higherIsBetter: Bool { self == .accuracy }

        /// Whether `a` is strictly better than `b`.
        func isBetter(_ a: Double, than b: Double) -> Bool { higherIsBetter ? a > b : a < b }
    }

    package enum Outcome: String, Codable, Sendable {
        /// One run is ahead of every other on the evidence.
        case clearWinner
        /// Several runs cannot be told apart; a tie-break orders them.
        case noClearWinner
        case allDiverged
        /// A sweep without a validation split: choosing on the test set would
        /// bias its score, choosing on training data rewards fitting.
        case cannotChoose
    }

    package enum Standing: String, Codable, Sendable {
        /// The best mean among the runs that finished every seed.
        case leader
        /// Not told apart from the leader.
        case leadingGroup
        /// Below the leader on the paired evidence.
        case behind
        case partlyDiverged
        case diverged
        /// A model fitted without training (majority class, linear, mean, ridge): a bar to clear.
        case baseline
    }

    /// A run against the leader, seed by seed: differences are this run's
    /// score minus the leader's, in the metric's units.
    package struct Comparison: Codable, Sendable, Equatable {
        package var pairs: Int
        package var meanDifference: Double
        package var standardDeviation: Double
        /// The 95% t interval of the mean difference; nil for fewer than 2 pairs.
        package var low: Double?
        package var high: Double?
        /// Two-sided Wilcoxon signed-rank p-value (exact).
        package var p: Double
        /// `p` after Holm's adjustment over every run compared with the leader
        /// (what decides); nil for baselines, which are not in that family.
        package var adjustedP: Double?
    }

    package struct Entry: Codable, Sendable {
        /// Shared by the leading group; nil for baselines.
        package var rank: Int?
        package var label: String
        package var standing: Standing
        /// Over the seeds that finished; nil when every seed diverged.
        package var score: Statistic?
        /// Per seed of `Verdict.seeds`; nil where the seed diverged or is missing.
        package var scores: [Double?]
        /// How many of the run's seeds diverged, of how many.
        package var diverged: Int
        package var seedCount: Int
        /// Against the leader; nil for the leader, and runs without common seeds.
        package var comparison: Comparison?
        /// The tie-break's first measure: the median over seeds of the epochs
        /// to the loss target, ∞ when most seeds never reach it; nil without a target.
        package var epochsToTarget: Double?
        package var targetReached: Int?
        /// The tie-break's second measure, on the verdict's part.
        package var heldOutLoss: Statistic?
        /// In a sweep, the test score beside the validation score that ranks
        /// (measured once; never used to choose).
        package var testScore: Statistic?
        /// For a baseline: what was fitted ("softmax regression, C = 1 chosen on the validation set").
        package var detail: String?
        package var baseline: BaselineKind?

        /// "0.951 ± 0.029", with "(3/8 seeds diverged)" or "diverged".
        var scoreText: String {
            guard let score else { return "diverged" }
            // A baseline has one score, whatever the seed.
            if standing == .baseline { return formatSignificant(score.mean, digits: 3) }
            return score.text + (diverged > 0 ? " (\(diverged)/\(seedCount) seeds diverged)" : "")
        }
    }

    package var part: Part
    package var metric: Metric
    package var outcome: Outcome
    /// Samples of the part ranked (0 for the training set).
    package var samples: Int
    /// The seeds runs are paired by.
    package var seeds: [UInt64]
    /// The sampling error of the leader's score on that part (`HeldOutError`).
    package var sampleError: Double?
    /// Networks first by standing and score, the leading group by its tie-break;
    /// baselines placed by score, unranked.
    package var ranking: [Entry]
    /// The run the diagnostics show: the clear winner, or the first of the
    /// leading group by the tie-break; nil when every run diverged or nothing may be chosen.
    package var winner: String?
    /// Whether the tie-break, not the metric, named `winner`.
    package var winnerByTieBreak: Bool
    /// The tie-break in words ("fewest epochs to the loss target, then the lower test loss").
    package var tieBreak: String
    /// In a leading group: differences smaller than this cannot be resolved
    /// with these seeds and this held-out set.
    package var resolvable: Double?
    /// How many runs were compared with the leader (Holm's family).
    package var familySize = 0
    /// In a leading group: the seeds that would resolve its largest difference
    /// (nil: more seeds cannot, the differences are within the sampling error or zero).
    package var seedsNeeded: Int?
    /// What the verdict concludes, in words.
    package var sentence: String
    /// Further lines: the baseline the networks do not beat, a validation set that also chose.
    package var notes: [String]

    /// Which bar a baseline sets: a trivial one (majority class, the mean) or a linear model.
    package enum BaselineKind: String, Codable, Sendable {
        case trivial, linear
    }

    /// A run (or baseline) as the verdict sees it.
    package struct Contender: Sendable {
        package var label: String
        /// Per seed of the verdict's seeds; nil where the seed diverged or is missing.
        package var scores: [Double?]
        package var diverged = 0
        /// Epochs to the loss target per seed (nil: never reached); nil without a target.
        package var epochsToTarget: [Int?]?
        package var heldOutLoss: [Double?] = []
        package var testScores: [Double?] = []
        /// Baselines give one score, repeated for every seed.
        package var baseline: BaselineKind?
        package var detail: String?

        package init(label: String, scores: [Double?], diverged: Int = 0, epochsToTarget: [Int?]? = nil, heldOutLoss: [Double?] = [],
                     testScores: [Double?] = [], baseline: BaselineKind? = nil, detail: String? = nil) {
            self.label = label
            self.scores = scores
            self.diverged = diverged
            self.epochsToTarget = epochsToTarget
            self.heldOutLoss = heldOutLoss
            self.testScores = testScores
            self.baseline = baseline
            self.detail = detail
        }

        var isBaseline: Bool { baseline != nil }
        var finishedEverySeed: Bool { diverged == 0 && scores.allSatisfy { $0 != nil } }
        var score: Statistic? { Statistic(scores.compactMap { $0 }) }
    }

    /// What the verdict needs to know besides the runs.
    package struct Setting: Sendable {
        package var metric: Metric
        package var part: Part
        package var samples: Int
        package var seeds: [UInt64]
        /// The leader's per-seed standard error of an RMSE (`RegressionScores.rmseStandardError`), when known.
        package var rmseStandardErrors: [String: Double] = [:]
        /// A sweep: settings were chosen, so the part must be validation.
        package var isSweep = false
        /// `restore_best` chose epochs on the validation set ranked here.
        package var validationChoseEpochs = false
        /// The sweep has a test set whose scores sit beside the ranking.
        package var hasTestScores = false

        package init(metric: Metric, part: Part, samples: Int, seeds: [UInt64]) {
            self.metric = metric
            self.part = part
            self.samples = samples
            self.seeds = seeds
        }
    }

    /// The significance level of the paired test.
    static let significance = 0.05

    init?(_ contenders: [Contender], setting: Setting) {
        let networks = contenders.filter { !$0.isBaseline }
        guard !networks.isEmpty else { return nil }
        let metric = setting.metric
        self.metric = metric
        part = setting.part
        samples = setting.samples
        seeds = setting.seeds
        outcome = .allDiverged
        ranking = []
        winner = nil
        winnerByTieBreak = false
        notes = []
        sentence = ""
        let tieBreak = TieBreak(contenders: networks, part: setting.part)
        self.tieBreak = tieBreak.description

        func better(_ a: Contender, _ b: Contender) -> Bool {
            guard let x = a.score?.mean else { return false }
            guard let y = b.score?.mean else { return true }
            return metric.isBetter(x, than: y)
        }
        let finished = networks.filter(\.finishedEverySeed)
        // The best mean; equal means go by the tie-break, then the file's order.
        let leader = finished.min { a, b in
            better(a, b) || (!better(b, a) && tieBreak.isAhead(a, of: b))
        } ?? networks.filter { $0.score != nil }.min { better($0, $1) }
        sampleError = leader.flatMap { leader in
            HeldOutError.of(leader.score?.mean, metric: metric, samples: setting.samples,
                            rmseStandardError: setting.rmseStandardErrors[leader.label])
        }
        // One family of claims: each run that finished every seed against the leader, Holm-adjusted.
        var comparisons = contenders.map { contender -> Comparison? in
            guard let leader, contender.label != leader.label || contender.isBaseline else { return nil }
            return Self.compare(contender, with: leader)
        }
        let family = contenders.indices.filter { index in
            !contenders[index].isBaseline && contenders[index].finishedEverySeed && comparisons[index] != nil && leader?.finishedEverySeed == true
        }
        let adjusted = HolmAdjustment.adjust(family.map { comparisons[$0]?.p ?? .nan })
        for (index, p) in zip(family, adjusted) { comparisons[index]?.adjustedP = p }
        familySize = family.count
        var entries: [Entry] = []
        var group: [Contender] = []
        for (contender, comparison) in zip(contenders, comparisons) {
            var entry = Entry(rank: nil, label: contender.label, standing: .diverged, score: contender.score, scores: contender.scores,
                              diverged: contender.diverged, seedCount: contender.scores.count, comparison: comparison,
                              epochsToTarget: tieBreak.epochs(contender), targetReached: contender.epochsToTarget.map { $0.compactMap { $0 }.count },
                              heldOutLoss: Statistic(contender.heldOutLoss.compactMap { $0 }), testScore: Statistic(contender.testScores.compactMap { $0 }),
                              detail: contender.detail, baseline: contender.baseline)
            if contender.isBaseline {
                entry.standing = .baseline
            } else if contender.label == leader?.label {
                entry.standing = leader.map(\.finishedEverySeed) == true ? .leader : .partlyDiverged
                group.append(contender)
            } else if contender.score == nil {
                entry.standing = .diverged
            } else if !contender.finishedEverySeed || leader?.finishedEverySeed != true {
                entry.standing = .partlyDiverged
            } else if let comparison, isSeparated(comparison) {
                entry.standing = .behind
            } else {
                entry.standing = .leadingGroup
                group.append(contender)
            }
            entries.append(entry)
        }
        ranking = Self.order(entries, group: tieBreak.ordered(group).map(\.label), metric: metric)
        guard let leader else {
            sentence = words()
            return
        }
        if setting.isSweep && setting.part != .validation {
            outcome = .cannotChoose
            ranking = entries.filter { $0.standing != .baseline } .map { var entry = $0; entry.rank = nil; return entry }
            sentence = words(setting: setting)
            return
        }
        let ordered = tieBreak.ordered(group)
        if ordered.count == 1 {
            outcome = .clearWinner
            winner = leader.label
        } else {
            outcome = .noClearWinner
            winner = ordered.first?.label
            winnerByTieBreak = true
            (resolvable, seedsNeeded) = resolution(of: ordered, leader: leader)
        }
        sentence = words(setting: setting, orderedGroup: ordered, tieBreak: tieBreak)
        notes = baselineNotes() + (setting.validationChoseEpochs && setting.part == .validation ? [Self.validationChoseEpochsNote] : [])
    }

    /// Whether `comparison` puts a run below the leader: a significant paired
    /// test (Holm-adjusted within the family; a baseline's alone) and a
    /// difference larger than the held-out set can resolve.
    func isSeparated(_ comparison: Comparison) -> Bool {
        let worse = metric.higherIsBetter ? comparison.meanDifference < 0 : comparison.meanDifference > 0
        return worse && (comparison.adjustedP ?? comparison.p) < Self.significance && abs(comparison.meanDifference) > (sampleError ?? 0)
    }

    /// `contender` against `leader` on the seeds where both have a score.
    static func compare(_ contender: Contender, with leader: Contender) -> Comparison? {
        let differences = zip(contender.scores, leader.scores).compactMap { pair -> Double? in
            guard let own = pair.0, let lead = pair.1 else { return nil }
            // Accuracies are k/N: two equal ones can differ in the last bit, which is not a difference.
            let difference = own - lead
            return abs(difference) <= 1e-12 * max(abs(own), abs(lead)) ? 0 : difference
        }
        guard !differences.isEmpty else { return nil }
        let paired = PairedComparison(differences: differences)
        return Comparison(pairs: paired.count, meanDifference: paired.meanDifference, standardDeviation: paired.standardDeviation,
                          low: paired.confidenceInterval?.lowerBound, high: paired.confidenceInterval?.upperBound, p: paired.wilcoxon.p)
    }

    /// The smallest difference these seeds and this held-out set resolve, and
    /// the seeds that would resolve the group's largest difference.
    func resolution(of group: [Contender], leader: Contender) -> (resolvable: Double?, seedsNeeded: Int?) {
        let comparisons = group.filter { $0.label != leader.label }.compactMap { Self.compare($0, with: leader) }
        // Holm's first step tests the smallest p against α / family size.
        let level = 1 - Self.significance / Double(max(familySize, 1))
        guard let pairs = comparisons.map(\.pairs).max(), pairs >= 2 else {
            // One seed has no spread to size the next experiment by: the fewest seeds the test can decide with.
            return (nil, (2...PairedComparison.maximumSeeds).first { WilcoxonSignedRank.smallestP($0) < 1 - level })
        }
        let halfWidths = comparisons.compactMap { comparison in comparison.high.map { $0 - comparison.meanDifference } }
        let resolvable = max(sampleError ?? 0, halfWidths.max() ?? 0)
        guard let largest = comparisons.max(by: { abs($0.meanDifference) < abs($1.meanDifference) }),
              abs(largest.meanDifference) > (sampleError ?? 0) else {
            return (resolvable, nil)
        }
        return (resolvable, PairedComparison.seedsNeeded(toResolve: largest.meanDifference, standardDeviation: largest.standardDeviation, level: level))
    }

    /// The leading group first (in tie-break order, sharing rank 1), then the
    /// other runs by standing and score. Baselines are unranked: above the
    /// group when better than the leader's mean, else among the runs behind by score.
    static func order(_ entries: [Entry], group: [String], metric: Metric) -> [Entry] {
        func rankClass(_ entry: Entry) -> Int {
            switch entry.standing {
            case .leader, .leadingGroup: return 0
            case .behind: return 1
            case .partlyDiverged: return 2
            case .diverged, .baseline: return 3
            }
        }
        func isBetter(_ x: Entry, _ y: Entry) -> Bool {
            guard let first = x.score?.mean else { return false }
            guard let second = y.score?.mean else { return true }
            return metric.isBetter(first, than: second)
        }
        var ordered = entries.filter { $0.standing != .baseline }.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if rankClass(x) != rankClass(y) { return rankClass(x) < rankClass(y) }
            if rankClass(x) == 0 { return (group.firstIndex(of: x.label) ?? 0) < (group.firstIndex(of: y.label) ?? 0) }
            if isBetter(x, y) != isBetter(y, x) { return isBetter(x, y) }
            return a.offset < b.offset
        }.map(\.element)
        var networksAbove = 0
        for index in ordered.indices {
            let previous = index > 0 ? ordered[index - 1] : nil
            if rankClass(ordered[index]) == 0 {
                ordered[index].rank = 1
            } else if let previous, rankClass(previous) != 0, previous.score != nil, previous.score == ordered[index].score,
                      previous.diverged == ordered[index].diverged {
                ordered[index].rank = previous.rank  // equal scores share a rank
            } else {
                ordered[index].rank = networksAbove + 1
            }
            networksAbove += 1
        }
        let leader = ordered.first { $0.standing == .leader } ?? ordered.first
        for baseline in entries where baseline.standing == .baseline {
            let position: Int
            if let leader, isBetter(baseline, leader) || leader.score == nil {
                position = 0
            } else {
                position = ordered.firstIndex { rankClass($0) >= 1 && $0.standing != .baseline && isBetter(baseline, $0) }
                    ?? ordered.firstIndex { rankClass($0) >= 2 && $0.standing != .baseline } ?? ordered.count
            }
            ordered.insert(baseline, at: position)
        }
        return ordered
    }
}
