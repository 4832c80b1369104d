import BackpropComponents

/// A measured quantity, by the name an experiment file writes and metrics.csv's
/// `metric` column holds (`val_accuracy`, `test_rmse`); the report's words for
/// it, and which way is better, come from here too.
///
/// It lives in BackpropTraining, the lowest target that needs it: every
/// per-epoch metric is read from an `EpochRecord`, and `restore_best` chooses
/// an epoch by one while training. The training-set cases (`accuracy`,
/// `rmse`) also name the quantity itself, wherever it is measured: the
/// verdict says which part of the data with its own `Part`.
package enum Metric: String, Codable, Sendable, CaseIterable {
    // Measured every epoch.
    case loss, accuracy
    case batchLoss = "batch_loss"
    case validationLoss = "val_loss"
    case validationAccuracy = "val_accuracy"
    case mse, rmse, mae, r2
    case validationMSE = "val_mse"
    case validationRMSE = "val_rmse"
    case validationMAE = "val_mae"
    case validationR2 = "val_r2"
    case learningRate = "lr"
    case gradientNorm = "grad_norm"
    case samplesSeen = "samples_seen"
    /// Training seconds: a column of every per-epoch row of metrics.csv, not a row of its own.
    case seconds
    // Measured once per run, on the test set.
    case testLoss = "test_loss"
    case testAccuracy = "test_accuracy"
    case testMSE = "test_mse"
    case testRMSE = "test_rmse"
    case testMAE = "test_mae"
    case testR2 = "test_r2"
    /// Every mini-batch's loss, when the run records them.
    case stepLoss = "step_loss"

    /// metrics.csv's rows of one epoch, in its order (each layer's gradient norm follows them).
    package static let perEpoch: [Metric] = [
        .loss, .accuracy, .batchLoss, .validationLoss, .validationAccuracy, .mse, .rmse, .mae, .r2,
        .validationMSE, .validationRMSE, .validationMAE, .validationR2, .learningRate, .gradientNorm, .samplesSeen,
    ]
    /// metrics.csv's rows of the test set's one measurement, in its order.
    package static let onTestSet: [Metric] = [.testLoss, .testAccuracy, .testMSE, .testRMSE, .testMAE, .testR2]

    /// Accuracy and R² grow as predictions improve; losses and errors shrink.
    /// (The metrics that score nothing, such as `lr`, count as lower-is-better.)
    package var higherIsBetter: Bool {
        [.accuracy, .validationAccuracy, .testAccuracy, .r2, .validationR2, .testR2].contains(self)
    }

    /// Losses are measured on the targets as trained on, which `scale_target`
    /// scales; the regression errors are unscaled to the targets' own units.
    package var isLoss: Bool { [.loss, .batchLoss, .validationLoss, .testLoss, .stepLoss].contains(self) }

    /// The words a report uses for it: "val accuracy", "test RMSE", "test R²".
    package var label: String {
        rawValue.split(separator: "_").map { Self.labelWords[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// The parts of names a report writes otherwise than the file does.
    private static let labelWords = ["mse": "MSE", "rmse": "RMSE", "mae": "MAE", "r2": "R²"]

    /// Whether `a` is strictly better than `b`.
    package func isBetter(_ a: Double, than b: Double) -> Bool { higherIsBetter ? a > b : a < b }

    /// Whether score `a` is better than `b`, a missing score being the worst.
    package func isBetter(_ a: Double?, than b: Double?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        return isBetter(a, than: b)
    }

    /// The value `record` holds; nil when it holds none (the test set's and
    /// the steps' metrics are not per epoch).
    package func value(of record: EpochRecord) -> Double? {
        switch self {
        case .loss: record.loss
        case .accuracy: record.accuracy
        case .batchLoss: record.batchLoss
        case .validationLoss: record.validationLoss
        case .validationAccuracy: record.validationAccuracy
        case .mse, .rmse, .mae, .r2: value(of: record.regression)
        case .validationMSE, .validationRMSE, .validationMAE, .validationR2: value(of: record.validationRegression)
        case .learningRate: record.learningRate
        case .gradientNorm: record.gradientNorm
        case .samplesSeen: Double(record.samplesSeen)
        case .seconds: record.seconds
        case .testLoss, .testAccuracy, .testMSE, .testRMSE, .testMAE, .testR2, .stepLoss: nil
        }
    }

    /// The score this regression metric is among `scores`, on whichever set
    /// they were measured; nil for the other metrics.
    package func value(of scores: RegressionScores?) -> Double? {
        switch self {
        case .mse, .validationMSE, .testMSE: scores?.mse
        case .rmse, .validationRMSE, .testRMSE: scores?.rmse
        case .mae, .validationMAE, .testMAE: scores?.mae
        case .r2, .validationR2, .testR2: scores?.r2
        default: nil
        }
    }

    /// The record's value turned so that larger is better, for choosing the
    /// best epoch; nil without a finite value.
    package func score(of record: EpochRecord) -> Double? {
        value(of: record).flatMap { $0.isFinite ? (higherIsBetter ? $0 : -$0) : nil }
    }
}
