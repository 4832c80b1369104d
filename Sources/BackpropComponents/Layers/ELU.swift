import RealModule
import BackpropCore

/// f(x) = x for x > 0, else `alpha · (e^x − 1)`; slope `output + alpha` below zero.
package struct ELU: Activation {
    package static let name = "elu"
    package static let summary = "x if x > 0 else alpha·(eˣ − 1)"
    package let alpha: Double

    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(alpha: Double) { self.alpha = alpha }

    package init(settings: Settings) throws {
        alpha = try settings.double("alpha", default: 1, .positive)
    }

    package var description: String { "elu(alpha: \(alpha))" }

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x > 0 ? x : Scalar(alpha) * Scalar.expMinusOne(x) }
    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { x > 0 ? 1 : y + Scalar(alpha) }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
