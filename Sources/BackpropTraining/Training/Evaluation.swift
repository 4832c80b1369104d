import BackpropComponents

/// Loss and accuracy (or regression scores) of a model over a whole split,
/// in evaluation mode.
package struct EvaluationResult: Sendable {
    package var loss: Double
    /// Fraction of samples classified correctly, or nil for regression.
    package var accuracy: Double?
    /// RMSE, MAE and R² for regression, nil otherwise.
    package var regression: RegressionScores?
}

/// Runs a model over a whole split in chunks, so a large data set never needs
/// a forward buffer as large as itself. Owns its chunk buffers for reuse.
package final class Evaluator<Scalar: BLASScalar> {
    package let chunkSize: Int
    private var chunkInputs = Matrix<Scalar>(rows: 0, columns: 0)
    private var chunkTargets = Matrix<Scalar>(rows: 0, columns: 0)

    /// Whether targets are classes, so accuracy is counted (by the loss's class rule).
    package let countsClasses: Bool
    /// Whether targets are regression values, so RMSE, MAE and R² are measured.
    package let scoresRegression: Bool
    /// The regression targets' scaling, undone for the scores.
    package let targetScaling: FeatureScaling.Statistics?

    package init(chunkSize: Int = 1024, countsClasses: Bool = false, scoresRegression: Bool = false,
                targetScaling: FeatureScaling.Statistics? = nil) {
        self.chunkSize = chunkSize
        self.countsClasses = countsClasses
        self.scoresRegression = scoresRegression
        self.targetScaling = targetScaling
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func evaluate(model: Sequential<Scalar>, loss: any Loss, on split: DataSplit<Scalar>) -> EvaluationResult {
        var weightedLoss = 0.0
        var correct = 0
        var sums = RegressionSums(columns: split.targets.columns)
        forEachChunk(of: split) { start, count in
            let prediction = model.forward(chunkInputs, training: false)
            weightedLoss += Double(loss.value(prediction: prediction, target: chunkTargets)) * Double(count)
            if countsClasses {
                // Right when the loss's class rule gives the target's class (an index, a 0/1 value or a one-hot row).
                correct += zip(loss.classes(of: prediction), chunkTargets.classPerRow()).filter { $0 == $1 }.count
            }
            if scoresRegression { sums.add(prediction: prediction, target: chunkTargets, scaling: targetScaling) }
        }
        let count = Double(max(split.count, 1))
        return EvaluationResult(loss: weightedLoss / count, accuracy: countsClasses ? Double(correct) / count : nil,
                                regression: scoresRegression ? sums.scores : nil)
    }

    /// Predictions for every row (evaluation mode), in row order.
    package func predict(model: Sequential<Scalar>, inputs: Matrix<Scalar>) -> Matrix<Scalar> {
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
