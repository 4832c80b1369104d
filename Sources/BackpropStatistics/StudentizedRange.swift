import Foundation

/// The studentized range distribution with infinite degrees of freedom: the
/// range (largest minus smallest) of k independent standard normal values,
/// whose quantiles give the Nemenyi test its critical difference.
///
/// P(R ≤ q) = k ∫ φ(z) [Φ(z + q) − Φ(z)]^(k−1) dz, integrated by the
/// trapezoidal rule with step 1/16 over z in [−12, 12]: for a smooth
/// integrand that decays like a Gaussian, its error falls geometrically with
/// the step (at step 1/8 it is already at rounding level for k ≤ 50), and
/// φ(±12) < 10⁻³¹ leaves nothing outside. The quantile is found by bisection.
package enum StudentizedRange {
    /// P(R ≤ q) for k ≥ 2 groups: 0 at q ≤ 0, NaN for NaN q or k < 2.
    package static func cdf(_ q: Double, groups: Int) -> Double {
        guard groups >= 2, !q.isNaN else { return .nan }
        guard q > 0 else { return 0 }
        if q == .infinity { return 1 }
        let step = 1.0 / 16, nodes = 384
        var sum = 0.0
        for index in 0...nodes {
            let z = -12 + Double(index) * step
            let weight = index == 0 || index == nodes ? 0.5 : 1
            sum += weight * normalDensity(z) * pow(normalMass(from: z, to: z + q), Double(groups - 1))
        }
        return min(1, Double(groups) * step * sum)
    }

    /// The q with P(R ≤ q) = `probability`, for k ≥ 2 groups: 0 at 0, ∞ at 1,
    /// NaN outside [0, 1] or for k < 2. Good to about 1e-12 relative.
    package static func quantile(_ probability: Double, groups: Int) -> Double {
        guard groups >= 2, probability >= 0, probability <= 1 else { return .nan }
        if probability == 0 { return 0 }
        if probability == 1 { return .infinity }
        var low = 0.0, high = 8.0
        while cdf(high, groups: groups) < probability && high < 1e6 {
            low = high
            high *= 2
        }
        while high - low > 1e-13 * high {
            let middle = low + (high - low) / 2
            if cdf(middle, groups: groups) < probability { low = middle } else { high = middle }
        }
        return low + (high - low) / 2
    }

    private static func normalDensity(_ z: Double) -> Double {
        exp(-z * z / 2) / (2 * Double.pi).squareRoot()
    }

    /// Φ(b) − Φ(a) for a ≤ b, from whichever tails keep it accurate.
    private static func normalMass(from a: Double, to b: Double) -> Double {
        let scale = 1 / 2.0.squareRoot()
        if a >= 0 { return 0.5 * (erfc(a * scale) - erfc(b * scale)) }
        if b <= 0 { return 0.5 * (erfc(-b * scale) - erfc(-a * scale)) }
        return 1 - 0.5 * (erfc(b * scale) + erfc(-a * scale))
    }
}
