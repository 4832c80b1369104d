import RealModule
import BackpropCore

/// Binary cross-entropy on probabilities, −[t log p + (1 − t) log(1 − p)], mean
/// over elements. As in PyTorch, each log is clamped at −100 and the slope's
/// denominator p(1 − p) at 1e-12, so saturated outputs give large, finite numbers.
/// Feed it the output of a sigmoid; on raw scores use `bce_with_logits`.
package struct BinaryCrossEntropy: Loss {
    package static let name = "bce"
    package static let summary = "binary cross-entropy on probabilities (after a sigmoid)"
    package init() {}
    package init(settings: Settings) {}

    package var targets: LossTargets { .binary }
    package var takesProbabilities: Bool { true }

    package func probabilities<Scalar: BLASScalar>(of outputs: Matrix<Scalar>) -> [[Double]]? {
        binaryProbabilities(of: outputs) { Swift.min(Swift.max($0, 0), 1) }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        elementwiseMean(prediction, target) { p, t in
            let logP = Swift.max(Scalar.log(p), -100)
            let logOneMinusP = Swift.max(Scalar.log(1 - p), -100)
            return -(t * logP + (1 - t) * logOneMinusP)
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        elementwiseMeanGradient(prediction, target, into: &gradient) { p, t in
            (p - t) / Swift.max((1 - p) * p, 1e-12)
        }
    }
}
