import Foundation

/// The two-sided Mann–Whitney U test, as asv's `_stats.py` computes it for
/// benchmark timings: ties broken conservatively (towards "no difference"),
/// the p-value from the exact distribution of U up to 20 values a side, from
/// the normal approximation beyond (asv's "auto"). Infinite values (a run
/// that never reached its target) rank above every finite one.
package enum MannWhitney {
    /// U (the pairs where a value of `x` is the larger, ties resolved
    /// conservatively) and the two-sided p-value.
    package static func test(_ x: [Double], _ y: [Double]) -> (u: Int, p: Double) {
        let (m, n) = (x.count, y.count)
        guard m > 0 && n > 0 else { return (0, 1) }
        var u = 0, ties = 0
        for a in x {
            for b in y {
                if a > b { u += 1 } else if a == b { ties += 1 }
            }
        }
        let half = m * n / 2
        if u <= half && u + ties >= half { ties = half - u }
        let lower = min(u, m * n - u), upper = min(u + ties, m * n - (u + ties))
        let extreme: Int
        if lower >= upper {
            extreme = lower
        } else {
            u += ties
            extreme = upper
        }
        guard max(m, n) <= 20 else {
            let variance = Double(m * n * (m + n + 1)) / 12
            let z = (Double(extreme) - Double(m * n) / 2) / variance.squareRoot()
            return (u, min(erfc(-z / 2.0.squareRoot()), 1))
        }
        var table = Orderings()
        let p = table.cdf(m, n, extreme) + (1 - table.cdf(m, n, max(half, m * n - extreme - 1)))
        return (u, min(p, 1))
    }

    /// The smallest two-sided p-value samples of these sizes can give: below
    /// the significance level, the test can find a difference at all.
    package static func smallestP(_ m: Int, _ n: Int) -> Double {
        2 / binomial(m + n, min(m, n))
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0 && k <= n else { return 0 }
        var result = 1.0
        for i in 0..<min(k, n - k) { result = result * Double(n - i) / Double(i + 1) }
        return result
    }

    /// r(m, n, u): the orderings of m and n values with statistic u
    /// (Mann & Whitney 1947), memoised.
    private struct Orderings {
        var memo: [[Int]: Double] = [:]

        mutating func count(_ m: Int, _ n: Int, _ u: Int) -> Double {
            if u < 0 { return 0 }
            if m == 0 || n == 0 { return u == 0 ? 1 : 0 }
            if let value = memo[[m, n, u]] { return value }
            let value = count(m - 1, n, u - n) + count(m, n - 1, u)
            memo[[m, n, u]] = value
            return value
        }

        mutating func cdf(_ m: Int, _ n: Int, _ u: Int) -> Double {
            let total = binomial(m + n, m)
            return (0...max(u, 0)).reduce(0) { $0 + count(m, n, $1) / total }
        }
    }
}
