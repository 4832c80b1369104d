import Foundation

/// The two-sided Wilcoxon signed-rank test of paired differences (one
/// contender's result minus the other's, seed by seed): do the differences
/// lean one way more than chance would make them?
///
/// As scipy's `wilcoxon(d, zero_method="wilcox")`: zero differences are
/// dropped, tied |d| share their midrank. The p-value is exact for up to
/// `exactLimit` nonzero differences, ties included: the distribution of W+
/// (the rank sum of the positive differences) over all 2ⁿ sign assignments
/// of these very ranks, which scipy computes with
/// `method=PermutationMethod(n_resamples=np.inf)`, and without ties with
/// `method="exact"`. Beyond `exactLimit`, the normal approximation with the
/// tie correction and no continuity correction (scipy's `"asymptotic"`).
///
/// NaN differences (a pair with a missing value) are dropped like zeros;
/// infinite ones rank above every finite one. No nonzero difference left:
/// statistic 0, p = 1, count 0.
package struct WilcoxonSignedRank: Equatable, Sendable {
    /// min(W+, W−), what scipy reports for the two-sided test.
    package var statistic: Double
    /// Two-sided: min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))) for the observed w.
    package var p: Double
    /// The nonzero differences the test used.
    package var count: Int

    /// Up to this many nonzero differences, the exact distribution: it takes
    /// about count³/3 additions (n = 60: 7·10⁴, under a millisecond; n = 1000:
    /// 3·10⁸, about a second in a release build, half a minute in a debug
    /// one), and its smallest probabilities, 2⁻ⁿ, are still normal doubles
    /// (2⁻¹⁰²² is the last).
    package static let exactLimit = 1000

    /// The differences `x[i] − y[i]`; pairs past the shorter array are ignored.
    package init(_ x: [Double], _ y: [Double]) {
        self.init(differences: zip(x, y).map { $0 - $1 })
    }

    package init(differences: [Double]) {
        let nonzero = differences.filter { !$0.isNaN && $0 != 0 }
        count = nonzero.count
        guard !nonzero.isEmpty else {
            statistic = 0
            p = 1
            return
        }
        let ranks = Midranks(nonzero.map { abs($0) })
        let positive = zip(nonzero, ranks.doubled).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        let total = count * (count + 1)
        statistic = Double(min(positive, total - positive)) / 2
        p = count <= Self.exactLimit
            ? Self.exactP(doubledPositiveSum: positive, doubledRanks: ranks.doubled)
            : Self.normalP(doubledPositiveSum: positive, count: count, tieGroupSizes: ranks.groupSizes)
    }

    /// The smallest two-sided p-value `count` nonzero differences can give
    /// (all of one sign, no ties): 2/2ⁿ. With 5 seeds it is 0.0625, so no
    /// difference over 5 seeds can reach p < 0.05; with 6 it is 0.03125.
    /// 1 for no differences.
    package static func smallestP(_ count: Int) -> Double {
        count < 1 ? 1 : min(1, pow(2, Double(1 - count)))
    }

    /// P(W+ = s/2) for every doubled sum s, by adding one rank at a time: a
    /// rank joins the positive sum or not, each with probability ½. Doubled
    /// ranks are integers, so the sums index an array exactly.
    private static func exactP(doubledPositiveSum observed: Int, doubledRanks: [Int]) -> Double {
        let total = doubledRanks.reduce(0, +)
        var probability = [Double](repeating: 0, count: total + 1)
        probability[0] = 1
        probability.withUnsafeMutableBufferPointer { probability in
            var reach = 0
            for rank in doubledRanks {
                reach += rank
                // Downwards, so probability[sum - rank] is still the one before this rank.
                for sum in stride(from: reach, through: rank, by: -1) {
                    probability[sum] = 0.5 * (probability[sum] + probability[sum - rank])
                }
                for sum in 0..<rank { probability[sum] *= 0.5 }
            }
        }
        // Each tail summed on its own: no 1 − x that would lose a small p.
        let lower = probability[0...observed].reduce(0, +)
        let upper = probability[observed...].reduce(0, +)
        return min(1, 2 * min(lower, upper))
    }

    private static func normalP(doubledPositiveSum observed: Int, count: Int, tieGroupSizes: [Int]) -> Double {
        let n = Double(count)
        let ties = tieGroupSizes.reduce(0.0) { $0 + pow(Double($1), 3) - Double($1) }
        let variance = (n * (n + 1) * (2 * n + 1) - ties / 2) / 24
        let z = (Double(observed) / 2 - n * (n + 1) / 4) / variance.squareRoot()
        return min(1, erfc(abs(z) / 2.0.squareRoot()))
    }
}
