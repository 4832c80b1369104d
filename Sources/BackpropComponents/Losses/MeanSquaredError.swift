import BackpropCore

/// Mean squared error, mean over all elements of (prediction − target)²; slope 2(p − t)/N.
package struct MeanSquaredError: Loss {
    package static let name = "mse"
    package static let summary = "mean squared error over all elements"
    package init() {}
    package init(settings: Settings) {}

    package var targets: LossTargets { .values }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        elementwiseMean(prediction, target) { ($0 - $1) * ($0 - $1) }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        elementwiseMeanGradient(prediction, target, into: &gradient) { 2 * ($0 - $1) }
    }
}
