/// Mean squared error, mean over all elements of (prediction − target)²; slope 2(p − t)/N.
public struct MeanSquaredError<Scalar: BLASScalar>: Loss {
    public init() {}
    public var kind: String { "mse" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func value(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        elementwiseMean(prediction, target) { ($0 - $1) * ($0 - $1) }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gradient(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        elementwiseMeanGradient(prediction, target, into: &gradient) { 2 * ($0 - $1) }
    }
}
