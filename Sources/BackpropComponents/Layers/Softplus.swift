import RealModule
import BackpropCore

/// f(x) = log(1 + e^x), a smooth ReLU; slope σ(x). Above `threshold` it is x
/// itself, as in PyTorch, so large inputs do not overflow.
package struct Softplus: Activation {
    package static let name = "softplus"
    package static let summary = "log(1 + eˣ), x itself above threshold"
    package let threshold: Double

    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(threshold: Double) { self.threshold = threshold }

    package init(settings: Settings) throws {
        threshold = try settings.double("threshold", default: 20, .positive)
    }

    package var description: String { "softplus(threshold: \(threshold))" }

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar {
        x > Scalar(threshold) ? x : Scalar.log(onePlus: Scalar.exp(x))
    }

    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar {
        x > Scalar(threshold) ? 1 : 1 / (1 + Scalar.exp(-x))
    }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
