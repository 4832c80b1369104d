import BackpropCore

/// The Heaviside step, f(x) = 1 for x ≥ 0 else 0: the perceptron's activation.
///
/// Kept as a pitfall to reproduce: its slope is zero everywhere it exists
/// (and undefined at 0), so backpropagation passes no gradient through it and
/// the layers below never learn.
package struct Step: Activation {
    package static let name = "step"
    package static let summary = "1 if x ≥ 0 else 0; zero gradient: the pitfall that cannot train"
    package init() {}
    package init(settings: Settings) {}

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x >= 0 ? 1 : 0 }
    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { 0 }

    package var trainingWarning: String? {
        "the step activation has zero gradient almost everywhere: layers below it receive no gradient and will not learn (use sigmoid or relu to train)"
    }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
