/// Two contenders compared over the seeds they share: each was trained once
/// per seed from the same starting weights and data order, so the seed-by-seed
/// differences carry the comparison, and the seed-to-seed spread that both
/// share cancels out of them.
///
/// A pair whose difference is not finite (a run diverged or left no value)
/// is left out of everything here; `count` says how many pairs remain, and
/// how to report diverged runs is the caller's decision.
package struct PairedComparison: Equatable, Sendable {
    /// Pairs used.
    package var count: Int
    /// Mean of the differences (first − second); 0 for no pairs.
    package var meanDifference: Double
    /// Sample standard deviation of the differences (n − 1); 0 below 2 pairs.
    package var standardDeviation: Double
    /// The confidence level of `confidenceInterval`, 0.95 unless asked.
    package var level: Double
    /// The two-sided t confidence interval of the mean difference:
    /// mean ± t_{(1+level)/2, n−1}·sd/√n. Nil below 2 pairs, for a level
    /// outside (0, 1), or when the differences overflow; zero width when they
    /// are all equal.
    package var confidenceInterval: ClosedRange<Double>?
    /// The Wilcoxon signed-rank test of the same differences.
    package var wilcoxon: WilcoxonSignedRank

    /// The largest number of seeds `seedsNeeded` proposes.
    package static let maximumSeeds = 10_000

    /// The differences `first[i] − second[i]`; pairs past the shorter array are ignored.
    package init(_ first: [Double], _ second: [Double], level: Double = 0.95) {
        self.init(differences: zip(first, second).map { $0 - $1 }, level: level)
    }

    package init(differences: [Double], level: Double = 0.95) {
        let finite = differences.filter { $0.isFinite }
        count = finite.count
        self.level = level
        wilcoxon = WilcoxonSignedRank(differences: finite)
        guard !finite.isEmpty else {
            meanDifference = 0
            standardDeviation = 0
            confidenceInterval = nil
            return
        }
        let mean = finite.reduce(0, +) / Double(count)
        meanDifference = mean
        let squares = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let spread = count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
        // Equal differences can leave rounding noise (1e-17) that reads as a real spread, as in Statistic.
        standardDeviation = spread <= 1e-12 * abs(mean) ? 0 : spread
        confidenceInterval = nil
        guard count > 1, level > 0, level < 1 else { return }
        let halfWidth = Self.halfWidth(standardDeviation: standardDeviation, count: count, level: level)
        let lower = mean - halfWidth, upper = mean + halfWidth
        if lower.isFinite && upper.isFinite && lower <= upper { confidenceInterval = lower...upper }
    }

    /// The fewest seeds that would detect a true mean difference of
    /// `difference` with probability `power`, when the differences spread as
    /// `standardDeviation` (as measured so far): the smallest n with
    /// (t_{(1+level)/2, n−1} + t_{power, n−1})·sd/√n < |difference| — the
    /// usual sample size of a paired t test (power 0.5 gives the n at which
    /// the interval of the observed difference would just exclude zero).
    /// Never fewer than the seeds the Wilcoxon test needs to reach
    /// p < 1 − level at all (6 at 0.95, where 5 seeds give p ≥ 0.0625
    /// whatever the results). Nil when no n up to `maximumSeeds` would do (a
    /// difference of 0, an infinite sd), or for a NaN or negative argument or
    /// a level or power outside (0, 1).
    package static func seedsNeeded(toResolve difference: Double, standardDeviation: Double,
                                    level: Double = 0.95, power: Double = 0.8) -> Int? {
        guard difference != 0, !difference.isNaN, standardDeviation >= 0, !standardDeviation.isInfinite,
              level > 0, level < 1, power > 0, power < 1 else { return nil }
        guard var low = (1...maximumSeeds).first(where: { WilcoxonSignedRank.smallestP($0) < 1 - level }) else {
            return nil
        }
        let resolves = { (count: Int) in
            Self.halfWidth(standardDeviation: standardDeviation, count: count, level: level)
                + Self.powerMargin(standardDeviation: standardDeviation, count: count, power: power) < abs(difference)
        }
        if resolves(low) { return low }
        var high = maximumSeeds
        guard resolves(high) else { return nil }
        // The margin falls with n (both t quantiles and 1/√n do): bisect, low fails and high resolves.
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if resolves(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// t_{power, n−1}·sd/√n: how far beyond the interval's edge a true
    /// difference must lie to be detected with that probability.
    private static func powerMargin(standardDeviation: Double, count: Int, power: Double) -> Double {
        guard standardDeviation > 0, count > 1 else { return 0 }
        return StudentT.quantile(power, degreesOfFreedom: Double(count - 1)) * standardDeviation / Double(count).squareRoot()
    }

    /// t_{(1+level)/2, n−1}·sd/√n, for n ≥ 2.
    private static func halfWidth(standardDeviation: Double, count: Int, level: Double) -> Double {
        guard standardDeviation > 0 else { return 0 }
        let quantile = StudentT.quantile((1 + level) / 2, degreesOfFreedom: Double(count - 1))
        return quantile * standardDeviation / Double(count).squareRoot()
    }
}
