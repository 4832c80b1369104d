/// A scalar measure of how far predictions are from targets, and its gradient.
///
/// Reductions are means exactly as PyTorch's defaults: over every element for
/// element-wise losses (MSE, Huber, BCE), over samples for softmax cross-entropy.
/// Targets have the prediction's shape, except for softmax cross-entropy,
/// whose targets are one class index per row (an n x 1 matrix).
public protocol Loss<Scalar>: CustomStringConvertible {
    associatedtype Scalar: BLASScalar

    /// The registry name (`mse`, `bce_with_logits`, ...).
    var kind: String { get }

    func value(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar

    /// Writes ∂loss/∂prediction into `gradient` (reshaped to the prediction's shape).
    func gradient(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>)

    /// How many rows are classified correctly, or nil when the loss is not a
    /// classification loss (accuracy is then not reported).
    func correctPredictions(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Int?

    /// Checks that targets fit this loss (shape, labels in range); returns a
    /// sentence for the user when they do not.
    func targetProblem(predictionColumns: Int, target: Matrix<Scalar>) -> String?
}

extension Loss {
    public var description: String { kind }
    public func correctPredictions(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Int? { nil }

    public func targetProblem(predictionColumns: Int, target: Matrix<Scalar>) -> String? {
        target.columns == predictionColumns
            ? nil
            : "\(kind) needs \(target.columns) model output(s) to match the \(target.columns) target column(s), but the model gives \(predictionColumns)"
    }

    /// Mean of `term(prediction, target)` over every element, the element-wise reduction.
    func elementwiseMean(
        _ prediction: Matrix<Scalar>, _ target: Matrix<Scalar>, _ term: (Scalar, Scalar) -> Scalar
    ) -> Scalar {
        prediction.requireSameShape(as: target, "\(kind) loss")
        guard prediction.count > 0 else { return 0 }
        var total: Scalar = 0
        for index in prediction.storage.indices {
            total += term(prediction.storage[index], target.storage[index])
        }
        return total / Scalar(prediction.count)
    }

    /// `gradient = slope(prediction, target) / count`, the element-wise mean's gradient.
    func elementwiseMeanGradient(
        _ prediction: Matrix<Scalar>, _ target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>,
        _ slope: (Scalar, Scalar) -> Scalar
    ) {
        prediction.requireSameShape(as: target, "\(kind) loss")
        let count = Scalar(Swift.max(prediction.count, 1))
        gradient.assign(prediction, target) { slope($0, $1) / count }
    }

    /// Binary accuracy: a row-element is right when `score > threshold` matches target ≥ 0.5.
    func binaryCorrect(_ prediction: Matrix<Scalar>, _ target: Matrix<Scalar>, threshold: Scalar) -> Int {
        var correct = 0
        for row in 0..<prediction.rows {
            var rowRight = true
            for column in 0..<prediction.columns {
                let index = row * prediction.columns + column
                if (prediction.storage[index] > threshold) != (target.storage[index] >= 0.5) { rowRight = false }
            }
            if rowRight { correct += 1 }
        }
        return correct
    }
}
