import BackpropCore

/// f(x) = max(0, x); the slope at 0 is taken as 0, as PyTorch does.
package struct ReLU: Activation {
    package static let name = "relu"
    package static let summary = "max(0, x)"
    package init() {}
    package init(settings: Settings) {}

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { max(0, x) }
    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { x > 0 ? 1 : 0 }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
