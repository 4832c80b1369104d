/// Loss and accuracy of a model over a whole split, in evaluation mode.
public struct EvaluationResult: Sendable {
    public var loss: Double
    /// Fraction of samples classified correctly, or nil for a regression loss.
    public var accuracy: Double?
}

/// How accuracy is counted.
public enum AccuracyRule: Sendable {
    /// As the loss says (`Loss.correctPredictions`); none for regression losses.
    case fromLoss
    /// Classification scored directly from outputs, for losses that do not know
    /// about classes (MSE on XOR): one output is right when it is on the target's
    /// side of 0.5; several outputs by argmax against a label or a one-hot row.
    case classes
}

extension AccuracyRule {
    /// `.classes` for classification data scored by a loss that does not count
    /// classes itself (MSE on XOR), else `.fromLoss`.
    public static func choose<Scalar: BLASScalar>(isClassification: Bool, loss: any Loss<Scalar>) -> AccuracyRule {
        let empty = Matrix<Scalar>(rows: 0, columns: 1)
        let lossCountsClasses = loss.correctPredictions(prediction: empty, target: empty) != nil
        return isClassification && !lossCountsClasses ? .classes : .fromLoss
    }
}

/// Runs a model over a whole split in chunks, so a large data set never needs
/// a forward buffer as large as itself. Owns its chunk buffers for reuse.
public final class Evaluator<Scalar: BLASScalar> {
    public let chunkSize: Int
    private var chunkInputs = Matrix<Scalar>(rows: 0, columns: 0)
    private var chunkTargets = Matrix<Scalar>(rows: 0, columns: 0)

    public let accuracyRule: AccuracyRule

    public init(chunkSize: Int = 1024, accuracyRule: AccuracyRule = .fromLoss) {
        self.chunkSize = chunkSize
        self.accuracyRule = accuracyRule
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func evaluate(model: Sequential<Scalar>, loss: any Loss<Scalar>, on split: DataSplit<Scalar>) -> EvaluationResult {
        var weightedLoss = 0.0
        var correct: Int? = 0
        forEachChunk(of: split) { start, count in
            let prediction = model.forward(chunkInputs, training: false)
            weightedLoss += Double(loss.value(prediction: prediction, target: chunkTargets)) * Double(count)
            if let right = correctPredictions(loss: loss, prediction: prediction) {
                correct? += right
            } else {
                correct = nil
            }
        }
        let count = Double(max(split.count, 1))
        return EvaluationResult(loss: weightedLoss / count, accuracy: correct.map { Double($0) / count })
    }

    private func correctPredictions(loss: any Loss<Scalar>, prediction: Matrix<Scalar>) -> Int? {
        switch accuracyRule {
        case .fromLoss:
            return loss.correctPredictions(prediction: prediction, target: chunkTargets)
        case .classes:
            return Self.correctClasses(prediction: prediction, target: chunkTargets)
        }
    }

    static func correctClasses(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Int {
        if prediction.columns == 1 {
            return zip(prediction.storage, target.storage).filter { ($0 > 0.5) == ($1 >= 0.5) }.count
        }
        let predicted = prediction.argmaxPerRow()
        let expected = target.classPerRow()
        return zip(predicted, expected).filter { $0 == $1 }.count
    }

    /// Predictions for every row (evaluation mode), in row order.
    public func predict(model: Sequential<Scalar>, inputs: Matrix<Scalar>) -> Matrix<Scalar> {
        var result = Matrix<Scalar>(rows: 0, columns: 0)
        result.storage.reserveCapacity(inputs.rows * model.outputSize)
        let split = DataSplit(inputs: inputs, targets: Matrix(rows: inputs.rows, columns: 0))
        forEachChunk(of: split) { _, _ in
            let prediction = model.forward(chunkInputs, training: false)
            result.storage.append(contentsOf: prediction.storage)
        }
        return Matrix(rows: inputs.rows, columns: model.outputSize, storage: result.storage)
    }

    private func forEachChunk(of split: DataSplit<Scalar>, _ body: (Int, Int) -> Void) {
        var start = 0
        while start < split.count {
            let count = min(chunkSize, split.count - start)
            chunkInputs.gatherRows(of: split.inputs, at: start..<(start + count))
            chunkTargets.gatherRows(of: split.targets, at: start..<(start + count))
            body(start, count)
            start += count
        }
    }
}
