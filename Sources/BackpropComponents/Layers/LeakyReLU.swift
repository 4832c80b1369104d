import BackpropCore

/// f(x) = x for x > 0, else `negative_slope · x` (PyTorch's default slope 0.01).
package struct LeakyReLU: Activation {
    package static let name = "leaky_relu"
    package static let summary = "x if x > 0 else negative_slope·x"
    package let negativeSlope: Double

    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(negativeSlope: Double) { self.negativeSlope = negativeSlope }

    package init(settings: Settings) throws {
        negativeSlope = try settings.double("negative_slope", default: 0.01, .nonNegative)
    }

    package var description: String { "leaky_relu(negative_slope: \(negativeSlope))" }

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x > 0 ? x : Scalar(negativeSlope) * x }
    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { x > 0 ? 1 : Scalar(negativeSlope) }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
