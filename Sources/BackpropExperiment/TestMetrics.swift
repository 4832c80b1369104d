import BackpropTraining

/// Loss, accuracy (or regression scores) and confusion matrix on a held-out
/// test set, measured once, after training, on the weights the run ended with.
public struct TestMetrics: Codable, Sendable {
    public package(set) var loss: Double
    public package(set) var accuracy: Double?
    /// RMSE, MAE and R² for regression, in the targets' own units.
    public package(set) var regression: RegressionScores?
    /// `confusion[actual][predicted]` counts, for classification.
    public package(set) var confusion: [[Int]]?
    /// The epoch whose weights were measured (the best one with `restore_best`).
    public package(set) var epoch: Int?
    /// Regression: the predictions for the first `storedPredictionRows` test
    /// rows, row by row, in the targets' own units (`ExperimentResult.testTargets`
    /// holds what they predict), for the predicted-vs-actual chart.
    public package(set) var predictions: [Double]?

    /// Enough rows for a scatter chart; a bounded size in results.json.
    package static let storedPredictionRows = 1000
}

extension TestMetrics {
    /// Loss, and for classification accuracy and the confusion matrix (classes
    /// by the loss's rule), for regression RMSE, MAE and R².
    package init<Scalar: BLASScalar>(model: Sequential<Scalar>, loss: any Loss, split: DataSplit<Scalar>, classes: Int?,
                             targetScaling: FeatureScaling.Statistics? = nil, epoch: Int? = nil) {
        let evaluator = Evaluator<Scalar>(countsClasses: classes != nil, scoresRegression: classes == nil && loss.targets == .values,
                                          targetScaling: targetScaling)
        let result = evaluator.evaluate(model: model, loss: loss, on: split)
        var confusion: [[Int]]?
        if let classes {
            let predictions = loss.classes(of: evaluator.predict(model: model, inputs: split.inputs))
            var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
            for (truth, guess) in zip(split.targets.classPerRow(), predictions) where truth < classes && guess < classes {
                counts[truth][guess] += 1
            }
            confusion = counts
        }
        var predictions: [Double]?
        if result.regression != nil {
            let rows = split.subset(0..<min(split.count, Self.storedPredictionRows))
            predictions = Self.ownUnits(evaluator.predict(model: model, inputs: rows.inputs), scaling: targetScaling)
        }
        self.init(loss: result.loss, accuracy: result.accuracy, regression: result.regression, confusion: confusion, epoch: epoch,
                  predictions: predictions)
    }
}

extension TestMetrics {
    /// `values` row by row, with the targets' scaling undone.
    package static func ownUnits<Scalar: BLASScalar>(_ values: Matrix<Scalar>, scaling: FeatureScaling.Statistics?) -> [Double] {
        values.storage.indices.map { index in
            let value = Double(values.storage[index])
            return scaling?.original(value, column: index % max(values.columns, 1)) ?? value
        }
    }
}

extension Metric {
    /// The value the test set's one measurement holds; nil for the metrics
    /// measured per epoch or per step.
    package func value(of test: TestMetrics) -> Double? {
        switch self {
        case .testLoss: test.loss
        case .testAccuracy: test.accuracy
        case .testMSE, .testRMSE, .testMAE, .testR2: value(of: test.regression)
        default: nil
        }
    }
}
