import BackpropExperiment
import BackpropStatistics

/// The conclusion a report draws from its runs: who did best on one metric
/// (accuracy for classification, RMSE for regression) on one part of the
/// data, and whether the evidence can tell.
///
/// Runs of an experiment share their seeds (the same starting weights and
/// data order per seed), so a run is compared with the leader seed by seed:
/// the paired differences, their mean with a 95% t interval, and a two-sided
/// Wilcoxon signed-rank test (exact), Holm-adjusted over the runs compared.
/// The leader is the run with the best mean among those that finished every
/// seed. Another run is **behind** it when the adjusted p < 0.05 *and* the
/// mean difference is at least the set's sampling error (`HeldOutError`);
/// the runs that are not form the **leading group** with it. One run alone
/// is a clear winner; otherwise the group is ordered by a declared tie-break
/// (`TieBreak`), never measured on the test set. Runs that diverged on some
/// seeds rank after every run that finished (a mean over the survivors
/// flatters them).
///
/// Sweeps rank their settings on the validation set only, with the test
/// scores beside them; a sweep without a validation split does not choose.
package struct Verdict: Codable, Sendable {
    package enum Part: String, Codable, Sendable {
        case test, validation, training
    }

    package enum Outcome: String, Codable, Sendable {
        /// One run is ahead of every other on the evidence.
        case clearWinner
        /// Several runs cannot be told apart; a tie-break orders them.
        case noClearWinner
        /// Every run diverged on at least one seed: none wins on the seeds that survived.
        case noRunFinished
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
        /// A sweep that may not choose: scores for reading only.
        case unranked
    }

    package typealias BaselineKind = BaselineResult.Kind

    /// A run against the leader, seed by seed: differences are this run's
    /// score minus the leader's, in the metric's units.
    package struct Comparison: Codable, Sendable, Equatable {
        package var pairs: Int
        package var meanDifference: Double
        package var standardDeviation: Double
        /// Pairs whose difference is 0 (the Wilcoxon test leaves them out).
        package var zeroDifferences: Int
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
        /// Shared by the leading group; nil for baselines and unranked runs.
        package var rank: Int?
        package var label: String
        package var standing: Standing
        /// Over the seeds that finished; nil when every seed diverged.
        package var score: Statistic?
        /// Per seed of `Verdict.seeds`; nil where the seed diverged or is missing.
        package var scores: [Double?]
        /// Seeds that diverged (without weights to measure), and seeds with no result at all.
        package var diverged: Int
        package var missing: Int
        package var seedCount: Int
        /// Against the leader; nil for the leader, and runs without common seeds.
        package var comparison: Comparison?
        /// The tie-break's first measure: the median over seeds of the epochs
        /// to the loss target, ∞ when most seeds never reach it; nil without a target.
        package var epochsToTarget: Double?
        package var targetReached: Int?
        /// The tie-break's second measure, on `Verdict.tieBreakPart`.
        package var tieBreakLoss: Statistic?
        /// In a sweep, the test score beside the validation score that ranks
        /// (measured once; never used to choose).
        package var testScore: Statistic?
        /// For a baseline: what was fitted ("softmax regression, C = 1 chosen on the validation set").
        package var detail: String?
        package var baseline: BaselineKind?

        /// "0.951 ± 0.029", with "(3/8 seeds diverged)" or "diverged".
        package var scoreText: String {
            guard let score else { return "diverged" }
            // A baseline has one score, whatever the seed.
            if standing == .baseline { return formatSignificant(score.mean, digits: 3) }
            return score.text + (diverged > 0 ? " (\(diverged)/\(seedCount) seeds diverged)" : "")
        }
    }

    package var part: Part
    /// `accuracy` or `rmse`, measured on `part`.
    package var metric: Metric
    package var outcome: Outcome
    /// Samples of the part ranked.
    package var samples: Int
    /// The seeds runs are paired by.
    package var seeds: [UInt64]
    /// The sampling error of the leader's score on that part (`HeldOutError`).
    package var sampleError: Double?
    /// Networks first by standing and score, the leading group by its tie-break;
    /// baselines placed by score, unranked.
    package var ranking: [Entry]
    /// The run the diagnostics show: the clear winner, or the first of the
    /// leading group by the tie-break; nil when nothing may be named.
    package var winner: String?
    /// Whether the tie-break, not the metric, named `winner`.
    package var winnerByTieBreak: Bool
    /// The tie-break in words ("fewest epochs to the loss target, then the lower validation loss").
    package var tieBreak: String
    /// The part the tie-break's loss is measured on: validation, else training; never test.
    package var tieBreakPart: Part
    /// How many runs were compared with the leader (Holm's family).
    package var familySize = 0
    /// In a leading group: differences smaller than this cannot be resolved
    /// with these seeds and this set (nil when the test cannot decide at all).
    package var resolvable: Double?
    /// In a leading group: the seeds that would tell `seedsNeededFor` from
    /// the leader with 80% power (nil: more seeds cannot, the difference is
    /// within the sampling error or zero).
    package var seedsNeeded: Int?
    package var seedsNeededFor: String?
    /// What the verdict concludes, in words.
    package var sentence: String
    /// Further lines: the baseline the networks do not beat, a validation set that also chose.
    package var notes: [String]

    /// A run (or baseline) as the verdict sees it.
    package struct Contender: Sendable {
        package var label: String
        /// Per seed of the verdict's seeds; nil where the seed diverged or is missing.
        package var scores: [Double?]
        /// Seeds that diverged with no weights to measure.
        package var diverged = 0
        /// Seeds with no result (a command stopped early, a shard not merged).
        package var missing = 0
        /// Epochs to the loss target per seed (nil: never reached); nil without a target.
        package var epochsToTarget: [Int?]?
        /// The tie-break's loss per seed, on the validation set (else training).
        package var tieBreakLoss: [Double?] = []
        package var testScores: [Double?] = []
        /// Baselines give one score, repeated for every seed.
        package var baseline: BaselineKind?
        package var detail: String?
        /// The trials it ran (their keys): two labels with the same are one trial.
        package var trials: [String] = []

        package init(label: String, scores: [Double?], diverged: Int = 0, missing: Int = 0, epochsToTarget: [Int?]? = nil,
                     tieBreakLoss: [Double?] = [], testScores: [Double?] = [], baseline: BaselineKind? = nil, detail: String? = nil) {
            self.label = label
            self.scores = scores
            self.diverged = diverged
            self.missing = missing
            self.epochsToTarget = epochsToTarget
            self.tieBreakLoss = tieBreakLoss
            self.testScores = testScores
            self.baseline = baseline
            self.detail = detail
        }

        var isBaseline: Bool { baseline != nil }
        /// No seed diverged (a missing seed is not a failure) and some seed has a score.
        var finished: Bool { diverged == 0 && scores.contains { $0 != nil } }
        var score: Statistic? { Statistic(scores.compactMap { $0 }) }
    }

    /// What the verdict needs to know besides the runs.
    package struct Setting: Sendable {
        package var metric: Metric
        package var part: Part
        package var samples: Int
        package var seeds: [UInt64]
        /// The part the tie-break's loss comes from.
        package var tieBreakPart: Part = .training
        /// The leader's per-seed standard error of an RMSE (`RegressionScores.rmseStandardError`), when known.
        package var rmseStandardErrors: [String: Double] = [:]
        /// A sweep: settings were chosen, so the part must be validation.
        package var isSweep = false
        /// `restore_best` chose epochs on the validation set ranked here.
        package var validationChoseEpochs = false
        /// The sweep has a test set whose scores sit beside the ranking.
        package var hasTestScores = false
        /// Why there are no baselines, when there are none.
        package var noBaselines: String?

        package init(metric: Metric, part: Part, samples: Int, seeds: [UInt64]) {
            self.metric = metric
            self.part = part
            self.samples = samples
            self.seeds = seeds
        }
    }

    /// The significance level of the paired test.
    static let significance = 0.05
    /// The power "use ≥ N seeds" is sized for.
    static let power = 0.8
}
