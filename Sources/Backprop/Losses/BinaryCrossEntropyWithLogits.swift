import RealModule

/// Binary cross-entropy on raw scores z, mean over elements, computed stably as
/// `max(z, 0) − z t + log(1 + e^(−|z|))` (never exponentiates a large positive
/// number); slope (σ(z) − t)/N.
public struct BinaryCrossEntropyWithLogits<Scalar: BLASScalar>: Loss {
    public init() {}
    public var kind: String { "bce_with_logits" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func value(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        elementwiseMean(prediction, target) { z, t in
            Swift.max(z, 0) - z * t + Scalar.log(onePlus: Scalar.exp(-Swift.abs(z)))
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gradient(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        elementwiseMeanGradient(prediction, target, into: &gradient) { z, t in
            1 / (1 + Scalar.exp(-z)) - t
        }
    }

    public func correctPredictions(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Int? {
        binaryCorrect(prediction, target, threshold: 0)
    }
}
