/// The Nemenyi post-hoc test after a Friedman test (Demšar 2006, §3.2.2):
/// two treatments differ significantly when their mean ranks over N blocks
/// differ by more than the critical difference
/// CD = q_α·√(k(k + 1)/(6N)), with q_α the studentized range quantile at
/// 1 − α for k groups and infinite degrees of freedom, divided by √2
/// (Demšar's Table 5(a): 2.343 for k = 3 at α = 0.05).
package enum Nemenyi {
    /// q_α for k ≥ 2 treatments; NaN for k < 2 or α outside (0, 1).
    package static func criticalQ(treatments: Int, alpha: Double = 0.05) -> Double {
        guard alpha > 0, alpha < 1 else { return .nan }
        return StudentizedRange.quantile(1 - alpha, groups: treatments) / 2.0.squareRoot()
    }

    /// CD for k treatments ranked over N blocks. Nil for k < 2, N < 1 or α outside (0, 1).
    package static func criticalDifference(treatments: Int, blocks: Int, alpha: Double = 0.05) -> Double? {
        guard treatments >= 2, blocks >= 1, alpha > 0, alpha < 1 else { return nil }
        let k = Double(treatments)
        return criticalQ(treatments: treatments, alpha: alpha) * (k * (k + 1) / (6 * Double(blocks))).squareRoot()
    }

    /// The groups of treatments no test tells apart, the bars of a
    /// critical-difference diagram: the maximal runs of treatments, in order
    /// of mean rank, whose mean ranks span at most `criticalDifference`
    /// (as Orange's CD diagram draws them: a span equal to CD is not
    /// significant). Each group lists treatment indices best (lowest mean
    /// rank) first, groups in order of their best member; treatments with
    /// equal mean ranks keep their index order. Only groups of two or more:
    /// a treatment in none differs significantly from every other. Empty when
    /// a mean rank or the critical difference is NaN.
    package static func groups(meanRanks: [Double], criticalDifference: Double) -> [[Int]] {
        guard !criticalDifference.isNaN, !meanRanks.contains(where: \.isNaN) else { return [] }
        let order = meanRanks.indices.sorted { (meanRanks[$0], $0) < (meanRanks[$1], $1) }
        var groups: [[Int]] = []
        var lastEnd = 0
        var end = 0
        for start in order.indices {
            end = max(end, start)
            while end + 1 < order.count && meanRanks[order[end + 1]] - meanRanks[order[start]] <= criticalDifference {
                end += 1
            }
            // A run ending where the previous one ended lies inside it.
            if end > start && end > lastEnd {
                groups.append(Array(order[start...end]))
                lastEnd = end
            }
        }
        return groups
    }
}
