import RealModule
import BackpropCore

/// Softmax cross-entropy on logits with integer class labels (PyTorch's
/// `cross_entropy`): per row `logsumexp(z) − z_label`, mean over rows. The
/// log-sum-exp subtracts the row maximum first, so large logits do not overflow.
/// Slope: (softmax(z) − onehot(label)) / rows.
package struct SoftmaxCrossEntropy: Loss {
    package static let name = "softmax_cross_entropy"
    package static let summary = "cross-entropy on logits with integer class labels (stable log-sum-exp)"
    package init() {}
    package init(settings: Settings) {}

    package var targets: LossTargets { .classIndices }

    package func probabilities<Scalar: BLASScalar>(of outputs: Matrix<Scalar>) -> [[Double]]? {
        // In Double, so each row sums to 1 to Double precision even for a Float model.
        (0..<outputs.rows).map { row in
            let logits = outputs.row(row).map { Double($0) }
            let largest = logits.max() ?? 0
            let exponentials = logits.map { Double.exp($0 - largest) }
            let total = exponentials.reduce(0, +)
            return exponentials.map { $0 / total }
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        requireLabels(prediction, target)
        guard prediction.rows > 0 else { return 0 }
        var total: Scalar = 0
        for row in 0..<prediction.rows {
            let label = target.storage[row].truncatedToInt
            total += logSumExp(prediction, row: row) - prediction.storage[row * prediction.columns + label]
        }
        return total / Scalar(prediction.rows)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        requireLabels(prediction, target)
        gradient.reshape(rows: prediction.rows, columns: prediction.columns)
        let columns = prediction.columns
        let rows = Scalar(Swift.max(prediction.rows, 1))
        for row in 0..<prediction.rows {
            let normaliser = logSumExp(prediction, row: row)
            let label = target.storage[row].truncatedToInt
            for column in 0..<columns {
                let index = row * columns + column
                let probability = Scalar.exp(prediction.storage[index] - normaliser)
                gradient.storage[index] = (probability - (column == label ? 1 : 0)) / rows
            }
        }
    }

    package func targetProblem<Scalar: BLASScalar>(predictionColumns: Int, target: Matrix<Scalar>) -> String? {
        if target.columns != 1 {
            return "softmax_cross_entropy needs one class label per sample, got \(target.columns) target columns"
        }
        if predictionColumns < 2 {
            return "softmax_cross_entropy needs one model output per class (at least 2), the model gives \(predictionColumns)"
        }
        if let bad = target.storage.first(where: { $0 < 0 || $0 != $0.rounded() || Int($0) >= predictionColumns }) {
            return "class label \(bad) is not an integer in 0..<\(predictionColumns) (the model has \(predictionColumns) outputs)"
        }
        return nil
    }

    private func requireLabels<Scalar: BLASScalar>(_ prediction: Matrix<Scalar>, _ target: Matrix<Scalar>) {
        precondition(target.rows == prediction.rows && target.columns == 1,
                     "softmax_cross_entropy: \(prediction.shapeDescription) logits with \(target.shapeDescription) labels")
    }

    private func logSumExp<Scalar: BLASScalar>(_ matrix: Matrix<Scalar>, row: Int) -> Scalar {
        let start = row * matrix.columns
        var largest = -Scalar.infinity
        for column in 0..<matrix.columns { largest = Swift.max(largest, matrix.storage[start + column]) }
        var total: Scalar = 0
        for column in 0..<matrix.columns { total += Scalar.exp(matrix.storage[start + column] - largest) }
        return largest + Scalar.log(total)
    }
}
