/// The modified Lentz method for continued fractions b₀ + a₁/(1 + a₂/(1 + …))
/// written with unit partial denominators, as the incomplete beta and gamma
/// functions use it (Numerical Recipes §5.2): it carries the ratios C and D of
/// successive numerators and denominators instead of the convergents, which
/// could overflow.
enum Lentz {
    /// Relative change of the result below which a continued fraction has converged.
    static let tolerance = 2 * Double.ulpOfOne

    /// A denominator that is exactly zero is replaced by a tiny number.
    static func nonzero(_ value: Double) -> Double {
        abs(value) < 1e-300 ? 1e-300 : value
    }

    /// Takes in the next term aₙ with partial denominator `denominator`;
    /// true when the result has stopped changing.
    @discardableResult
    static func step(_ numerator: Double, denominator: Double = 1, _ c: inout Double, _ d: inout Double,
                     _ result: inout Double) -> Bool {
        d = 1 / nonzero(denominator + numerator * d)
        c = nonzero(denominator + numerator / c)
        let change = c * d
        result *= change
        return abs(change - 1) < tolerance
    }
}
