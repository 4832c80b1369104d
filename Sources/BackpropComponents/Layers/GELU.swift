import RealModule
import BackpropCore

/// The exact Gaussian error linear unit, f(x) = x Φ(x) = x/2 (1 + erf(x/√2))
/// (Hendrycks & Gimpel 2016); slope Φ(x) + x φ(x).
package struct GELU: Activation {
    package static let name = "gelu"
    package static let summary = "x·Φ(x), exact (erf)"
    package init() {}
    package init(settings: Settings) {}

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x * cumulativeNormal(x) }

    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar {
        let density = Scalar.exp(-x * x / 2) / Scalar.sqrt(2 * Scalar.pi)
        return cumulativeNormal(x) + x * density
    }

    private func cumulativeNormal<Scalar: BLASScalar>(_ x: Scalar) -> Scalar {
        (1 + Scalar.erf(x / Scalar.sqrt(2))) / 2
    }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
