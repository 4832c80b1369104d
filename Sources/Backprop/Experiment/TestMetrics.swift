/// Loss, accuracy and confusion matrix on a held-out test set.
public struct TestMetrics: Codable, Sendable {
    public var loss: Double
    public var accuracy: Double?
    /// `confusion[actual][predicted]` counts, for classification.
    public var confusion: [[Int]]?
}

extension TestMetrics {
    /// Loss, and for classification accuracy and the confusion matrix, with
    /// classes decided by the loss's rule.
    init<Scalar: BLASScalar>(model: Sequential<Scalar>, loss: any Loss, split: DataSplit<Scalar>, classes: Int?) {
        let evaluator = Evaluator<Scalar>(countsClasses: classes != nil)
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
        self.init(loss: result.loss, accuracy: result.accuracy, confusion: confusion)
    }
}
