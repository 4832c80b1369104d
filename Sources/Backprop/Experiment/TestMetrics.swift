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
}

extension TestMetrics {
    /// Loss, and for classification accuracy and the confusion matrix (classes
    /// by the loss's rule), for regression RMSE, MAE and R².
    init<Scalar: BLASScalar>(model: Sequential<Scalar>, loss: any Loss, split: DataSplit<Scalar>, classes: Int?,
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
        self.init(loss: result.loss, accuracy: result.accuracy, regression: result.regression, confusion: confusion, epoch: epoch)
    }
}
