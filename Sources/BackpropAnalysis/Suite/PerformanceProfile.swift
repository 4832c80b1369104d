import BackpropExperiment
import BackpropStatistics

/// AlgoPerf's performance profiles (Dahl et al. 2023, after Dolan & Moré
/// 2002), the across-problem score of a suite.
///
/// For problem p and contender c with time t(p, c) to the problem's target
/// (∞ when it never gets there), the ratio r(p, c) = t(p, c) / min over c' of
/// t(p, c'): 1 for the fastest. ρ_c(τ) is the share of problems with
/// r(p, c) ≤ τ, a step function of τ; the score is its integral over [1, τmax]
/// divided by τmax − 1, in [0, 1]: 1 when c is the fastest everywhere, 0 when
/// it is never within τmax times the fastest.
package enum PerformanceProfile {
    /// The τ range of the score, AlgoPerf's [1, 4].
    package static let maximumRatio = 4.0

    /// `times[problem][contender]` -> ratios of the same shape. A problem no
    /// contender solves gives ∞ to all; ties share the ratio 1. A best time of
    /// 0 (the starting weights meet the target) gives 1 to every 0 and ∞ to the rest.
    package static func ratios(times: [[Double]]) -> [[Double]] {
        times.map { row in
            let best = row.min() ?? .infinity
            return row.map { time in
                guard best.isFinite, time.isFinite else { return .infinity }
                if time == best { return 1 }
                return best == 0 ? .infinity : time / best
            }
        }
    }

    /// ρ(τ): the share of `ratios` (one contender's, one per problem) at most τ.
    package static func share(_ ratios: [Double], within tau: Double) -> Double {
        guard !ratios.isEmpty else { return 0 }
        return Double(ratios.filter { $0 <= tau }.count) / Double(ratios.count)
    }

    /// ∫ρ(τ)dτ over [1, maximumRatio] / (maximumRatio − 1), exactly: each
    /// problem adds (maximumRatio − r) / (maximumRatio − 1) / problems when r is
    /// within the range, as ρ steps up by 1/problems at τ = r.
    package static func score(_ ratios: [Double]) -> Double {
        guard !ratios.isEmpty else { return 0 }
        let width = maximumRatio - 1
        let total = ratios.reduce(0.0) { sum, ratio in
            ratio <= maximumRatio ? sum + (maximumRatio - Swift.max(ratio, 1)) / width : sum
        }
        return total / Double(ratios.count)
    }

    /// The points where ρ steps, from τ = 1 to maximumRatio, for a step chart:
    /// (τ, ρ(τ)) at 1, at every ratio inside the range, and at maximumRatio.
    package static func steps(_ ratios: [Double]) -> [(tau: Double, share: Double)] {
        let inside = Set(ratios.filter { $0 > 1 && $0 < maximumRatio }).sorted()
        return ([1] + inside + [maximumRatio]).map { ($0, share(ratios, within: $0)) }
    }
}
