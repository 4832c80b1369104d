import RealModule

/// The regularized incomplete beta function I_x(a, b), the CDF of the beta
/// distribution, under Student's t and the F distribution.
///
/// Evaluated by its continued fraction (Numerical Recipes §6.4) with the
/// modified Lentz method, on whichever side of the mean converges fast:
/// I_x(a, b) = 1 − I_{1−x}(b, a). Callers pass 1 − x as well, computed
/// without cancellation where they can (t²/(ν + t²) rather than
/// 1 − ν/(ν + t²)), so values near 1 keep their digits.
enum IncompleteBeta {
    /// I_x(a, b) for a, b > 0, with `complement` = 1 − x. NaN for a bad
    /// argument; 0 at x ≤ 0, 1 at 1 − x ≤ 0.
    static func regularized(_ x: Double, complement: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, !x.isNaN, !complement.isNaN else { return .nan }
        if x <= 0 { return 0 }
        if complement <= 0 { return 1 }
        if x < (a + 1) / (a + b + 2) {
            return front(x, complement, a, b) * continuedFraction(x, a, b) / a
        }
        return 1 - front(x, complement, a, b) * continuedFraction(complement, b, a) / b
    }

    /// xᵃ(1 − x)ᵇ / B(a, b).
    private static func front(_ x: Double, _ complement: Double, _ a: Double, _ b: Double) -> Double {
        let logBeta = Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b)
        return Double.exp(a * Double.log(x) + b * Double.log(complement) - logBeta)
    }

    /// Converges in O(√max(a, b)) terms; the limit only stops a runaway.
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        var c = 1.0
        var d = Lentz.nonzero(1 - (a + b) * x / (a + 1))
        d = 1 / d
        var result = d
        for m in 1...100_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            Lentz.step(even, &c, &d, &result)
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            if Lentz.step(odd, &c, &d, &result) { break }
        }
        return result
    }
}
