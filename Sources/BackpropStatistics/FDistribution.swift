/// Fisher's F distribution, for the Iman–Davenport form of the Friedman test.
package enum FDistribution {
    /// P(F > f) with d₁ and d₂ degrees of freedom (both > 0):
    /// I_{d₂/(d₂ + d₁f)}(d₂/2, d₁/2). 1 for f ≤ 0, 0 for f = ∞; NaN for NaN
    /// arguments or a degree of freedom ≤ 0.
    package static func survival(_ f: Double, numeratorDegrees: Double, denominatorDegrees: Double) -> Double {
        guard !f.isNaN, numeratorDegrees > 0, denominatorDegrees > 0 else { return .nan }
        if f <= 0 { return 1 }
        if f == .infinity { return 0 }
        let scaled = numeratorDegrees * f
        guard scaled.isFinite else { return 0 }
        let x = denominatorDegrees / (denominatorDegrees + scaled), complement = scaled / (denominatorDegrees + scaled)
        return IncompleteBeta.regularized(x, complement: complement, a: denominatorDegrees / 2, b: numeratorDegrees / 2)
    }
}
