import RealModule
import BackpropCore

/// σ(x) = 1 / (1 + e^(−x)); σ' = σ(1 − σ), at most 1/4, which is why deep
/// sigmoid stacks shrink gradients.
package struct Sigmoid: Activation {
    package static let name = "sigmoid"
    package static let summary = "1/(1 + e⁻ˣ); slope at most 1/4 (vanishing gradients when stacked)"
    package init() {}
    package init(settings: Settings) {}

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { 1 / (1 + Scalar.exp(-x)) }
    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { y * (1 - y) }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
