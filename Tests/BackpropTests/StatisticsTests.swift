import Foundation
import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

/// The statistics primitives against scipy (statistics.json, written by
/// scripts/statistics_fixtures.py) and against numbers worked out by hand.
@Suite struct StatisticsTests {
    /// How many cases each part of the fixture holds: a shortened fixture fails instead of testing less.
    static let wilcoxonCases = 19, pairedCases = 5, friedmanCases = 6

    @Test func fixtureHoldsEveryCase() throws {
        let fixture = try loadFixture("statistics")
        #expect(try fixtureCases("statistics", key: "wilcoxon").count == Self.wilcoxonCases)
        #expect(try fixtureCases("statistics", key: "paired").count == Self.pairedCases)
        #expect(try fixtureCases("statistics", key: "friedman").count == Self.friedmanCases)
        #expect(try fixtureCases("statistics", key: "seeds_needed").count == 12)
        let t = try #require(fixture["t"] as? [String: Any])
        #expect((t["quantiles"] as? [Any])?.count == 12 * 15)
        #expect((t["cdf"] as? [Any])?.count == 12 * 13)
        let range = try #require(fixture["studentized_range"] as? [String: Any])
        #expect((range["quantiles"] as? [Any])?.count == 2 * 19)
    }

    // MARK: Wilcoxon signed-rank

    /// Exact p-values, ties and zeros included, to 1e-12 relative: scipy's
    /// exact distribution (no ties), its permutation test over all 2ⁿ sign
    /// flips (ties, n ≤ 14), an exact big-integer count (ties, n = 30, 60),
    /// and scipy's normal approximation beyond the exact limit (n = 1200).
    @Test(arguments: 0..<wilcoxonCases)
    func wilcoxonFollowsScipy(caseIndex: Int) throws {
        let reference = try fixtureCases("statistics", key: "wilcoxon")[caseIndex]
        let label = try #require(reference["name"] as? String)
        let result = WilcoxonSignedRank(differences: doubles(reference["differences"]))
        #expect(result.count == reference["count"] as? Int, "\(label)")
        #expect(result.statistic == reference["statistic"] as? Double, "\(label)")
        let p = try #require(reference["p"] as? Double)
        #expect(isClose(result.p, p, relative: 1e-12), "\(label): p = \(result.p), scipy \(p)")
    }

    /// [−1, 2, 3, 4]: W+ = 9, W− = 1. Of the 16 sign assignments of ranks
    /// 1…4, two reach W+ ≥ 9 ({2, 3, 4} and all four), so p = 2·2/16.
    @Test func wilcoxonByHand() {
        let result = WilcoxonSignedRank(differences: [-1, 2, 3, 4])
        #expect(result.statistic == 1)
        #expect(result.p == 0.25)
        #expect(result.count == 4)
        // The same as two samples, with a NaN pair and a zero dropped.
        let paired = WilcoxonSignedRank([1, 5, 6, 7, .nan, 3], [2, 3, 3, 3, 1, 3])
        #expect(paired == result)
    }

    @Test func wilcoxonWithoutDifferences() {
        for differences in [[], [0, 0, -0.0], [.nan, 0]] as [[Double]] {
            let result = WilcoxonSignedRank(differences: differences)
            #expect(result.statistic == 0 && result.p == 1 && result.count == 0)
        }
    }

    /// 2/2ⁿ: with 5 seeds no difference reaches p < 0.05, with 6 one can.
    @Test func wilcoxonSmallestP() {
        #expect(WilcoxonSignedRank.smallestP(0) == 1)
        #expect(WilcoxonSignedRank.smallestP(1) == 1)
        #expect(WilcoxonSignedRank.smallestP(3) == 0.25)
        #expect(WilcoxonSignedRank.smallestP(5) == 0.0625)
        #expect(WilcoxonSignedRank.smallestP(6) == 0.03125)
        // It is what all-positive, untied differences give.
        for n in 1...12 {
            let allPositive = (1...n).map { Double($0) * 0.1 }
            #expect(WilcoxonSignedRank(differences: allPositive).p == WilcoxonSignedRank.smallestP(n))
        }
    }

    // MARK: Student's t

    /// Quantiles and CDF on a grid of ν (real ν and ∞ included) to 1e-10
    /// relative; CDF values below 1e-300 (t = −10⁴ at ν = ∞ is 0) to that floor.
    @Test func studentTFollowsScipy() throws {
        let t = try #require(try loadFixture("statistics")["t"] as? [String: Any])
        for reference in try #require(t["quantiles"] as? [[String: Any]]) {
            let (df, p) = (fixtureNumber(reference["df"]), fixtureNumber(reference["p"]))
            let expected = fixtureNumber(reference["t"])
            let actual = StudentT.quantile(p, degreesOfFreedom: df)
            #expect(isClose(actual, expected, relative: 1e-10), "t quantile p=\(p) df=\(df): \(actual), scipy \(expected)")
        }
        for reference in try #require(t["cdf"] as? [[String: Any]]) {
            let (df, value) = (fixtureNumber(reference["df"]), fixtureNumber(reference["t"]))
            let expected = fixtureNumber(reference["cdf"])
            let actual = StudentT.cdf(value, degreesOfFreedom: df)
            #expect(isClose(actual, expected, relative: 1e-10), "t cdf t=\(value) df=\(df): \(actual), scipy \(expected)")
        }
    }

    /// Closed forms: ν = 1 is Cauchy, t = tan(π(p − ½)); ν = 2 has
    /// t = (2p − 1)/√(2p(1 − p)); ν = ∞ is the normal.
    @Test func studentTClosedForms() {
        for p in [0.001, 0.05, 0.3, 0.5, 0.8, 0.975, 0.9999] {
            #expect(isClose(StudentT.quantile(p, degreesOfFreedom: 1), tan(.pi * (p - 0.5)), relative: 1e-12, absoluteFloor: 1e-15))
            #expect(isClose(StudentT.quantile(p, degreesOfFreedom: 2), (2 * p - 1) / (2 * p * (1 - p)).squareRoot(),
                            relative: 1e-12, absoluteFloor: 1e-15))
            #expect(isClose(StudentT.cdf(tan(.pi * (p - 0.5)), degreesOfFreedom: 1), p, relative: 1e-12))
        }
        #expect(isClose(StudentT.quantile(0.975, degreesOfFreedom: .infinity), 1.959963984540054, relative: 1e-14))
        #expect(StudentT.quantile(0, degreesOfFreedom: 3) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3) == .infinity)
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.cdf(.nan, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3) == 0)
    }

    // MARK: Paired comparison

    /// Mean, sd and the t interval at three levels against ttest_rel's, to 1e-9 relative.
    @Test(arguments: 0..<pairedCases)
    func pairedComparisonFollowsScipy(caseIndex: Int) throws {
        let reference = try fixtureCases("statistics", key: "paired")[caseIndex]
        let label = try #require(reference["name"] as? String)
        let (x, y) = (doubles(reference["x"]), doubles(reference["y"]))
        let intervals = try #require(reference["intervals"] as? [String: Any])
        for level in [0.9, 0.95, 0.99] {
            let comparison = PairedComparison(x, y, level: level)
            #expect(comparison.count == x.count)
            #expect(isClose(comparison.meanDifference, try #require(reference["mean"] as? Double), relative: 1e-12), "\(label)")
            #expect(isClose(comparison.standardDeviation, try #require(reference["sd"] as? Double), relative: 1e-12), "\(label)")
            let interval = try #require(comparison.confidenceInterval, "\(label)")
            let expected = doubles(intervals[String(level)])
            expectClose([interval.lowerBound, interval.upperBound], expected, relative: 1e-9, "\(label) at \(level)")
            #expect(comparison.wilcoxon == WilcoxonSignedRank(x, y))
        }
    }

    @Test func pairedComparisonEdges() {
        let empty = PairedComparison(differences: [])
        #expect(empty.count == 0 && empty.meanDifference == 0 && empty.confidenceInterval == nil && empty.wilcoxon.p == 1)
        let one = PairedComparison([0.5], [0.25])
        #expect(one.count == 1 && one.meanDifference == 0.25 && one.standardDeviation == 0 && one.confidenceInterval == nil)
        // Equal differences: no spread, an interval of zero width (0.1 is not exact in binary; the mean is).
        let equal = PairedComparison(differences: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])
        #expect(equal.standardDeviation == 0)
        #expect(equal.confidenceInterval == equal.meanDifference...equal.meanDifference)
        #expect(equal.wilcoxon.p == WilcoxonSignedRank.smallestP(7))
        // Pairs whose difference is not finite are left out.
        let diverged = PairedComparison([1, 2, .infinity, .nan, 3], [0, 0, 1, 1, 0])
        #expect(diverged.count == 3 && diverged.meanDifference == 2)
        #expect(diverged.confidenceInterval != nil)
        #expect(PairedComparison([1, 2, 4], [0, 0, 0], level: 1.5).confidenceInterval == nil)
    }

    /// Against a walk up n with scipy's t.ppf.
    @Test func seedsNeededFollowsScipy() throws {
        for reference in try fixtureCases("statistics", key: "seeds_needed") {
            let difference = fixtureNumber(reference["difference"]), sd = fixtureNumber(reference["sd"])
            let level = fixtureNumber(reference["level"]), power = fixtureNumber(reference["power"])
            let needed = PairedComparison.seedsNeeded(toResolve: difference, standardDeviation: sd, level: level, power: power)
            #expect(needed == reference["seeds"] as? Int, "difference \(difference), sd \(sd), level \(level), power \(power)")
        }
    }

    @Test func seedsNeededEdges() {
        // Never below the 6 seeds the Wilcoxon test needs at 0.95 (8 at 0.99: 2/2⁸ < 0.01 < 2/2⁷).
        #expect(PairedComparison.seedsNeeded(toResolve: 1, standardDeviation: 0) == 6)
        #expect(PairedComparison.seedsNeeded(toResolve: 1, standardDeviation: 0, level: 0.99) == 8)
        #expect(PairedComparison.seedsNeeded(toResolve: 0, standardDeviation: 1) == nil)
        #expect(PairedComparison.seedsNeeded(toResolve: 1, standardDeviation: .infinity) == nil)
        #expect(PairedComparison.seedsNeeded(toResolve: .nan, standardDeviation: 1) == nil)
        #expect(PairedComparison.seedsNeeded(toResolve: 1, standardDeviation: -1) == nil)
        #expect(PairedComparison.seedsNeeded(toResolve: 1, standardDeviation: 1, power: 1) == nil)
        // At power 0.5, 10 000 seeds resolve about 0.0196 sd; 0.01 sd is out of reach.
        #expect(PairedComparison.seedsNeeded(toResolve: 0.01, standardDeviation: 1, power: 0.5) == nil)
        let nearTheCap = PairedComparison.seedsNeeded(toResolve: 0.0197, standardDeviation: 1, power: 0.5) ?? 0
        #expect((9_800...PairedComparison.maximumSeeds).contains(nearTheCap))
    }

    // MARK: Chi-square and F

    @Test func chiSquaredAndFFollowScipy() throws {
        let distributions = try #require(try loadFixture("statistics")["distributions"] as? [String: Any])
        for reference in try #require(distributions["chi2"] as? [[String: Any]]) {
            let (x, df) = (fixtureNumber(reference["x"]), fixtureNumber(reference["df"]))
            let actual = ChiSquared.survival(x, degreesOfFreedom: df), expected = fixtureNumber(reference["sf"])
            #expect(isClose(actual, expected, relative: 1e-11), "chi2 sf x=\(x) df=\(df): \(actual), scipy \(expected)")
        }
        for reference in try #require(distributions["f"] as? [[String: Any]]) {
            let f = fixtureNumber(reference["f"]), d1 = fixtureNumber(reference["d1"]), d2 = fixtureNumber(reference["d2"])
            let actual = FDistribution.survival(f, numeratorDegrees: d1, denominatorDegrees: d2)
            let expected = fixtureNumber(reference["sf"])
            #expect(isClose(actual, expected, relative: 1e-11), "F sf f=\(f) d=(\(d1), \(d2)): \(actual), scipy \(expected)")
        }
        // With 2 degrees of freedom, P(χ² > x) = e^(−x/2).
        #expect(isClose(ChiSquared.survival(3, degreesOfFreedom: 2), exp(-1.5), relative: 1e-14))
        #expect(ChiSquared.survival(-1, degreesOfFreedom: 2) == 1)
        #expect(FDistribution.survival(.infinity, numeratorDegrees: 2, denominatorDegrees: 3) == 0)
    }

    // MARK: Friedman

    /// Ranks, mean ranks, χ² (tie-corrected) and its p, F_F and its p against scipy, to 1e-9 relative.
    @Test(arguments: 0..<friedmanCases)
    func friedmanFollowsScipy(caseIndex: Int) throws {
        let reference = try fixtureCases("statistics", key: "friedman")[caseIndex]
        let label = try #require(reference["name"] as? String)
        let scores = (reference["scores"] as? [Any] ?? []).map { doubles($0) }
        let higherIsBetter = try #require(reference["higher_is_better"] as? Bool)
        let result = try #require(Friedman(scores: scores, higherIsBetter: higherIsBetter), "\(label)")
        let ranks = (reference["ranks"] as? [Any] ?? []).map { doubles($0) }
        #expect(result.ranks == ranks, "\(label)")
        expectClose(result.meanRanks, doubles(reference["mean_ranks"]), relative: 1e-12, "\(label) mean ranks")
        let actual = [result.statistic, result.p, result.imanDavenport, result.imanDavenportP]
        let expected = ["statistic", "p", "iman_davenport", "iman_davenport_p"].map { fixtureNumber(reference[$0]) }
        for (name, (a, e)) in zip(["χ²", "p", "F_F", "F_F p"], zip(actual, expected)) {
            #expect(a == e || isClose(a, e, relative: 1e-9), "\(label) \(name) = \(a), scipy \(e)")
        }
    }

    /// Three blocks, three treatments, lower is better:
    ///   block 1: 0.3 0.1 0.2 → ranks 3   1   2
    ///   block 2: 0.5 0.5 0.4 → ranks 2.5 2.5 1
    ///   block 3: 0.2 0.3 0.1 → ranks 2   3   1
    /// Rank sums 7.5, 6.5, 4: 12/(3·3·4)·(7.5² + 6.5² + 4²) − 3·3·4 = 13/6;
    /// one tie of two, correction 1 − 2·3/(3·8·3) = 11/12, χ² = 26/11;
    /// p = e^(−χ²/2) with 2 degrees of freedom. F_F = 2χ²/(6 − χ²) = 1.3,
    /// and with (2, 4) degrees of freedom P(F > f) = (1 + 2f/4)^(−2).
    @Test func friedmanByHand() throws {
        let scores: [[Double]] = [[0.3, 0.1, 0.2], [0.5, 0.5, 0.4], [0.2, 0.3, 0.1]]
        let result = try #require(Friedman(scores: scores, higherIsBetter: false))
        #expect(result.ranks == [[3, 1, 2], [2.5, 2.5, 1], [2, 3, 1]])
        expectClose(result.meanRanks, [7.5 / 3, 6.5 / 3, 4.0 / 3], relative: 1e-15, "mean ranks")
        #expect(isClose(result.statistic, 26.0 / 11, relative: 1e-14))
        #expect(isClose(result.p, exp(-13.0 / 11), relative: 1e-13))
        #expect(isClose(result.imanDavenport, 1.3, relative: 1e-13))
        #expect(isClose(result.imanDavenportP, pow(1.65, -2), relative: 1e-13))
        // Higher-is-better on the negated scores ranks alike.
        #expect(Friedman(scores: scores.map { $0.map { -$0 } }, higherIsBetter: true) == result)
    }

    @Test func friedmanEdges() throws {
        #expect(Friedman(scores: [[1, 2, 3]], higherIsBetter: true) == nil)
        #expect(Friedman(scores: [[1], [2]], higherIsBetter: true) == nil)
        #expect(Friedman(scores: [[1, 2], [2]], higherIsBetter: true) == nil)
        #expect(Friedman(scores: [], higherIsBetter: true) == nil)
        let tied = try #require(Friedman(scores: [[1, 1, 1], [2, 2, 2]], higherIsBetter: true))
        #expect(tied.statistic == 0 && tied.p == 1 && tied.imanDavenport == 0 && tied.imanDavenportP == 1)
        // A NaN ranks worst, below −∞ when higher is better.
        let missing = try #require(Friedman(scores: [[.nan, 1, -.infinity], [.nan, .nan, 0]], higherIsBetter: true))
        #expect(missing.ranks == [[3, 1, 2], [2.5, 2.5, 1]])
    }

    // MARK: Studentized range and Nemenyi

    /// q_α = studentized_range.ppf(1 − α, k, ∞)/√2 for k = 2…20 at α = 0.05 and
    /// 0.1 to 1e-9 relative (the brief asked 1e-4), and the CDF at a few points.
    @Test func studentizedRangeFollowsScipy() throws {
        let range = try #require(try loadFixture("statistics")["studentized_range"] as? [String: Any])
        for reference in try #require(range["quantiles"] as? [[String: Any]]) {
            let k = try #require(reference["k"] as? Int), alpha = fixtureNumber(reference["alpha"])
            let actual = Nemenyi.criticalQ(treatments: k, alpha: alpha), expected = fixtureNumber(reference["q"])
            #expect(isClose(actual, expected, relative: 1e-9), "q k=\(k) α=\(alpha): \(actual), scipy \(expected)")
        }
        for reference in try #require(range["cdf"] as? [[String: Any]]) {
            let k = try #require(reference["k"] as? Int), q = fixtureNumber(reference["q"])
            let actual = StudentizedRange.cdf(q, groups: k), expected = fixtureNumber(reference["cdf"])
            #expect(isClose(actual, expected, relative: 1e-9), "cdf q=\(q) k=\(k): \(actual), scipy \(expected)")
        }
        // Two groups: the range is |Z₁ − Z₂|, so q_α is the normal's 1 − α/2 quantile.
        #expect(isClose(Nemenyi.criticalQ(treatments: 2), 1.959963984540054, relative: 1e-11))
    }

    /// Demšar (2006), Table 5(a), k = 2…10, within a unit of its third
    /// decimal. The printed values are not all the exact ones rounded (scipy
    /// agrees with ours to 1e-9): k = 3 at α = 0.05 is 2.34370, printed
    /// 2.343; k = 7 is 2.94832, printed 2.949. The largest gap is 0.0007.
    @Test func demsarTable() {
        let alpha05 = [1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164]
        let alpha10 = [1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920]
        for (alpha, table) in [(0.05, alpha05), (0.10, alpha10)] {
            for (offset, printed) in table.enumerated() {
                let q = Nemenyi.criticalQ(treatments: offset + 2, alpha: alpha)
                #expect(abs(q - printed) < 0.00075, "k=\(offset + 2) α=\(alpha): \(q), printed \(printed)")
            }
        }
        #expect(isClose(Nemenyi.criticalQ(treatments: 3), 2.3437, relative: 2e-5))
        #expect(isClose(Nemenyi.criticalQ(treatments: 7), 2.9483, relative: 2e-5))
        // Demšar's example, §3.2.2: four classifiers on 14 data sets, CD = 2.569·√(4·5/(6·14)) = 1.25.
        let cd = Nemenyi.criticalDifference(treatments: 4, blocks: 14)
        #expect(cd.map { ($0 * 100).rounded() } == 125)
        #expect(Nemenyi.criticalDifference(treatments: 1, blocks: 14) == nil)
        #expect(Nemenyi.criticalDifference(treatments: 4, blocks: 0) == nil)
        #expect(Nemenyi.criticalDifference(treatments: 4, blocks: 14, alpha: 0) == nil)
    }

    /// Mean ranks (by index) 2.5, 1, 4.25, 1.5, 3 with CD 1.25; in rank order
    /// 1 (#1), 1.5 (#3), 2.5 (#0), 3 (#4), 4.25 (#2). Runs within 1.25 of
    /// their first: from #1 up to 2.25 → {1, 3}; from #3 up to 2.75 →
    /// {3, 0}; from #0 up to 3.75 → {0, 4}; from #4 up to 4.25 → {4, 2}, a
    /// span of exactly CD, which is not significant.
    @Test func criticalDifferenceGroups() {
        #expect(Nemenyi.groups(meanRanks: [2.5, 1, 4.25, 1.5, 3], criticalDifference: 1.25) == [[1, 3], [3, 0], [0, 4], [4, 2]])
        // A wider CD: runs inside a longer one are dropped.
        #expect(Nemenyi.groups(meanRanks: [2.5, 1, 4.25, 1.5, 3], criticalDifference: 2) == [[1, 3, 0, 4], [0, 4, 2]])
        // Everything within CD: one group; a lone treatment far off: in no group.
        #expect(Nemenyi.groups(meanRanks: [1, 2, 3], criticalDifference: 5) == [[0, 1, 2]])
        #expect(Nemenyi.groups(meanRanks: [1, 1.5, 4], criticalDifference: 1) == [[0, 1]])
        // Equal mean ranks keep index order.
        #expect(Nemenyi.groups(meanRanks: [2, 2, 1], criticalDifference: 0.5) == [[0, 1]])
        #expect(Nemenyi.groups(meanRanks: [1, 2, 3], criticalDifference: 0.5).isEmpty)
        #expect(Nemenyi.groups(meanRanks: [1, .nan], criticalDifference: 1).isEmpty)
        #expect(Nemenyi.groups(meanRanks: [], criticalDifference: 1).isEmpty)
    }
}

/// A fixture number; infinities are written as the strings "inf" and "-inf".
private func fixtureNumber(_ value: Any?) -> Double {
    switch value {
    case let number as NSNumber: return number.doubleValue
    case let text as String: return Double(text) ?? .nan
    default: return .nan
    }
}

@Suite struct HolmAdjustmentTests {
    /// By hand: sorted 0.01, 0.02, 0.03, 0.2 of m = 4 become
    /// 4·0.01 = 0.04, max(0.04, 3·0.02) = 0.06, max(0.06, 2·0.03) = 0.06, max(0.06, 0.2) = 0.2.
    @Test func stepsDownAndKeepsTheOrder() {
        let adjusted = HolmAdjustment.adjust([0.03, 0.2, 0.01, 0.02])
        #expect(zip(adjusted, [0.06, 0.2, 0.04, 0.06]).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test func capsAtOneAndLeavesASingleTestAlone() {
        #expect(HolmAdjustment.adjust([0.6, 0.7]) == [1, 1])
        #expect(HolmAdjustment.adjust([0.03]) == [0.03])
        #expect(HolmAdjustment.adjust([]).isEmpty)
    }
}
