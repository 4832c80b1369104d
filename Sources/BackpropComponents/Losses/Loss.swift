import BackpropCore

/// A scalar measure of how far predictions are from targets, its gradient, and
/// the class rules that go with it.
///
/// Reductions are means exactly as PyTorch's defaults: over every element for
/// element-wise losses (MSE, Huber, BCE), over samples for softmax cross-entropy.
/// Targets have the prediction's shape, except for softmax cross-entropy,
/// whose targets are one class index per row (an n x 1 matrix).
///
/// The loss owns how its targets are laid out and how an output becomes a
/// class: accuracy, the confusion matrix, the decision boundary, `evaluate`
/// and `predict` all ask it, so they agree. Pre-specialize `value` and
/// `gradient` for Float and Double (`@_specialize`): they are called through
/// `any Loss`.
public protocol Loss: Component {
    func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar

    /// Writes ∂loss/∂prediction into `gradient` (reshaped to the prediction's shape).
    func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>)

    /// The targets the loss expects.
    var targets: LossTargets { get }

    /// Where a single output splits two classes: 0 for a logit, 0.5 for a
    /// probability or a score fitted to 0/1 targets.
    var classThreshold: Double { get }

    /// The predicted class of each row of outputs. By default the largest of
    /// several outputs, or for one output 1 above `classThreshold`, else 0.
    func classes<Scalar: BLASScalar>(of outputs: Matrix<Scalar>) -> [Int]

    /// Whether predictions must be probabilities in (0, 1), the output of a sigmoid.
    var takesProbabilities: Bool { get }

    /// Each row's probability of each class, as the loss reads the outputs
    /// (softmax of logits, sigmoid of a logit, a probability as it is); one
    /// output gives two classes, [1 − p, p]. Nil for losses whose outputs are
    /// not probabilities (MSE, Huber).
    func probabilities<Scalar: BLASScalar>(of outputs: Matrix<Scalar>) -> [[Double]]?

    /// Checks that targets fit this loss (shape, labels in range); returns a
    /// sentence for the user when they do not.
    func targetProblem<Scalar: BLASScalar>(predictionColumns: Int, target: Matrix<Scalar>) -> String?
}

/// How a loss wants its targets.
public enum LossTargets: Sendable, Equatable {
    /// One class index per row (softmax cross-entropy): classification only.
    case classIndices
    /// 0/1 per output (binary cross-entropy): classification only; one output
    /// for two classes, else one output per class, one-hot.
    case binary
    /// Any numbers (MSE, Huber): regression values, or classes as 0/1 (one
    /// output, two classes) or one-hot (one output per class).
    case values

    /// Whether the loss needs class labels (it cannot fit regression data).
    public var needsClasses: Bool { self != .values }
}

extension Loss {
    public var classThreshold: Double { 0.5 }
    public var takesProbabilities: Bool { false }

    public func targetProblem<Scalar: BLASScalar>(predictionColumns: Int, target: Matrix<Scalar>) -> String? {
        target.columns == predictionColumns
            ? nil
            : "\(Self.name) needs \(target.columns) model output(s) to match the \(target.columns) target column(s), but the model gives \(predictionColumns)"
    }

    public func classes<Scalar: BLASScalar>(of outputs: Matrix<Scalar>) -> [Int] {
        outputs.classes(threshold: classThreshold)
    }

    public func probabilities<Scalar: BLASScalar>(of outputs: Matrix<Scalar>) -> [[Double]]? { nil }

    /// Per-row class probabilities from independent per-output probabilities
    /// `probability(output)`: one output gives [1 − p, p].
    func binaryProbabilities<Scalar: BLASScalar>(of outputs: Matrix<Scalar>, _ probability: (Double) -> Double) -> [[Double]] {
        (0..<outputs.rows).map { row in
            let values = outputs.row(row).map { probability(Double($0)) }
            return values.count == 1 ? [1 - values[0], values[0]] : values
        }
    }

    /// Mean of `term(prediction, target)` over every element, the element-wise reduction.
    public func elementwiseMean<Scalar: BLASScalar>(
        _ prediction: Matrix<Scalar>, _ target: Matrix<Scalar>, _ term: (Scalar, Scalar) -> Scalar
    ) -> Scalar {
        prediction.requireSameShape(as: target, "\(Self.name) loss")
        guard prediction.count > 0 else { return 0 }
        var total: Scalar = 0
        for index in prediction.storage.indices {
            total += term(prediction.storage[index], target.storage[index])
        }
        return total / Scalar(prediction.count)
    }

    /// `gradient = slope(prediction, target) / count`, the element-wise mean's gradient.
    public func elementwiseMeanGradient<Scalar: BLASScalar>(
        _ prediction: Matrix<Scalar>, _ target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>,
        _ slope: (Scalar, Scalar) -> Scalar
    ) {
        prediction.requireSameShape(as: target, "\(Self.name) loss")
        let count = Scalar(Swift.max(prediction.count, 1))
        gradient.assign(prediction, target) { slope($0, $1) / count }
    }
}

extension Matrix {
    /// The largest of several columns per row, or for one column 1 above `threshold`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func classes(threshold: Double) -> [Int] {
        guard columns == 1 else { return argmaxPerRow() }
        let threshold = Scalar(threshold)
        return storage.map { $0 > threshold ? 1 : 0 }
    }
}
