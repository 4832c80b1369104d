import BackpropTraining

/// A model fitted without training — the majority class or a linear model
/// for classification, the mean or ridge regression for regression — scored
/// on each part of the data: the bar a network has to clear. Any setting it
/// has is chosen on the validation set only; the test set scores it once.
public struct BaselineResult: Codable, Sendable {
    /// Which bar a baseline sets: a trivial one (majority class, the mean) or a linear model.
    package enum Kind: String, Codable, Sendable {
        case trivial, linear
    }

    /// "majority class", "softmax regression", "mean", "ridge regression".
    public package(set) var name: String
    package var kind: Kind
    /// What was fitted and how its setting was chosen ("C = 1, chosen on the validation set").
    public package(set) var detail: String
    public package(set) var training: BaselineScores
    public package(set) var validation: BaselineScores?
    public package(set) var test: BaselineScores?
}

/// A baseline's scores on one part: accuracy for classification; RMSE,
/// MAE and R² in the targets' own units for regression.
public struct BaselineScores: Codable, Sendable {
    public package(set) var accuracy: Double?
    public package(set) var regression: RegressionScores?
    /// `confusion[actual][predicted]`, for classification.
    public package(set) var confusion: [[Int]]?
}
