import RealModule
import BackpropCore

/// Binary cross-entropy on raw scores z, mean over elements, computed stably as
/// `max(z, 0) − z t + log(1 + e^(−|z|))` (never exponentiates a large positive
/// number); slope (σ(z) − t)/N. A score above 0 is class 1 (σ(z) > 0.5).
package struct BinaryCrossEntropyWithLogits: Loss {
    package static let name = "bce_with_logits"
    package static let summary = "binary cross-entropy on raw scores, computed stably"
    package init() {}
    package init(settings: Settings) {}

    package var targets: LossTargets { .binary }
    package var classThreshold: Double { 0 }

    package func probabilities<Scalar: BLASScalar>(of outputs: Matrix<Scalar>) -> [[Double]]? {
        binaryProbabilities(of: outputs) { 1 / (1 + Double.exp(-$0)) }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        elementwiseMean(prediction, target) { z, t in
            Swift.max(z, 0) - z * t + Scalar.log(onePlus: Scalar.exp(-Swift.abs(z)))
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        elementwiseMeanGradient(prediction, target, into: &gradient) { z, t in
            1 / (1 + Scalar.exp(-z)) - t
        }
    }
}
