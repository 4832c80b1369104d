import RealModule

/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a),
/// the survival function of the chi-square distribution: P(χ²_ν > x) =
/// Q(ν/2, x/2).
///
/// Below x = a + 1 from the series of the lower function P = 1 − Q (where Q
/// is not small, so the subtraction loses nothing that matters), above it
/// from Legendre's continued fraction with the modified Lentz method
/// (Numerical Recipes §6.2), which keeps a small Q's relative accuracy.
enum IncompleteGamma {
    /// Q(a, x) for a > 0: 1 at x ≤ 0, 0 at x = ∞, NaN for a bad argument.
    static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        guard a > 0, a.isFinite, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x)
    }

    /// e^(−x) xᵃ / Γ(a).
    private static func front(_ a: Double, _ x: Double) -> Double {
        Double.exp(a * Double.log(x) - x - Double.logGamma(a))
    }

    /// P(a, x) = e^(−x) xᵃ / Γ(a) · Σ xⁿ / (a(a + 1)⋯(a + n)).
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a, sum = term, denominator = a
        for _ in 0..<100_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * Lentz.tolerance { break }
        }
        return sum * front(a, x)
    }

    /// Q(a, x) = e^(−x) xᵃ / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − ⋯))).
    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        var denominator = x + 1 - a
        var c = 1 / 1e-300
        var d = 1 / Lentz.nonzero(denominator)
        var result = d
        for i in 1...100_000 {
            let i = Double(i)
            denominator += 2
            if Lentz.step(-i * (i - a), denominator: denominator, &c, &d, &result) { break }
        }
        return front(a, x) * result
    }
}
