/// The Friedman test over several problems at once (Demšar 2006, §3.2.2):
/// contenders (treatments) ranked within each problem (block), then asked
/// whether their mean ranks differ more than chance would make them.
///
/// The chi-square statistic is tie-corrected exactly as
/// scipy.stats.friedmanchisquare computes it (which needs k ≥ 3; here k = 2
/// works too), its p-value from χ² with k − 1 degrees of freedom. The
/// Iman–Davenport statistic, F_F = (N − 1)χ²/(N(k − 1) − χ²), is less
/// conservative; its p-value is from F with k − 1 and (k − 1)(N − 1)
/// degrees of freedom.
package struct Friedman: Equatable, Sendable {
    /// Ranks within each block, in the order of the treatments: 1 for the
    /// best, tied scores sharing the mean of their ranks.
    package var ranks: [[Double]]
    /// Each treatment's mean rank over the blocks.
    package var meanRanks: [Double]
    /// Friedman's χ², corrected for ties.
    package var statistic: Double
    package var p: Double
    /// F_F. Infinite (p = 0) when every block ranks the treatments alike, χ²
    /// at its largest (to 1e-12 relative).
    package var imanDavenport: Double
    package var imanDavenportP: Double

    /// `scores[block][treatment]`. A NaN score (a run that left no value)
    /// ranks worst in its block, tied with other NaNs; infinite scores rank
    /// as the numbers they are. Nil for fewer than 2 blocks or 2 treatments,
    /// or rows of different lengths. When every block ties every treatment,
    /// there is nothing to test: both statistics 0, both p-values 1.
    package init?(scores: [[Double]], higherIsBetter: Bool) {
        let blocks = scores.count, treatments = scores.first?.count ?? 0
        guard blocks >= 2, treatments >= 2, scores.allSatisfy({ $0.count == treatments }) else { return nil }
        let rankings = scores.map { Midranks(higherIsBetter ? $0.map { -$0 } : $0) }
        let ranks = rankings.map(\.ranks)
        self.ranks = ranks
        let rankSums = (0..<treatments).map { treatment in ranks.reduce(0) { $0 + $1[treatment] } }
        meanRanks = rankSums.map { $0 / Double(blocks) }

        let (n, k) = (Double(blocks), Double(treatments))
        let ties = rankings.reduce(0.0) { sum, ranking in
            ranking.groupSizes.reduce(sum) { $0 + Double($1) * (Double($1) * Double($1) - 1) }
        }
        let correction = 1 - ties / (k * (k * k - 1) * n)
        let squares = rankSums.reduce(0) { $0 + $1 * $1 }
        let uncorrected = 12 / (k * n * (k + 1)) * squares - 3 * n * (k + 1)
        guard correction > 0 else {
            (statistic, p, imanDavenport, imanDavenportP) = (0, 1, 0, 1)
            return
        }
        statistic = uncorrected / correction
        p = ChiSquared.survival(statistic, degreesOfFreedom: k - 1)
        // χ² within rounding of its largest value, N(k − 1), is that value.
        let denominator = n * (k - 1) - statistic
        imanDavenport = denominator > 1e-12 * n * (k - 1) ? (n - 1) * statistic / denominator : .infinity
        imanDavenportP = FDistribution.survival(imanDavenport, numeratorDegrees: k - 1,
                                                denominatorDegrees: (k - 1) * (n - 1))
    }
}
