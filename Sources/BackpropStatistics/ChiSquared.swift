/// The chi-square distribution, for the Friedman test's p-value.
package enum ChiSquared {
    /// P(X > x) with ν > 0 degrees of freedom: Q(ν/2, x/2). 1 for x ≤ 0; NaN
    /// for NaN arguments or ν ≤ 0.
    package static func survival(_ x: Double, degreesOfFreedom: Double) -> Double {
        IncompleteGamma.upperRegularized(degreesOfFreedom / 2, x / 2)
    }
}
