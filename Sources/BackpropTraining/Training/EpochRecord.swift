import BackpropComponents

/// The metrics of one epoch, with the convention of DESIGN.md: `loss` is over
/// the whole training set after `epoch` epochs of updates (epoch 0 = the
/// starting weights); `batchLoss` is the mean of the mini-batch losses seen
/// during the epoch; `gradientNorm` the mean global gradient norm (before
/// clipping) over the epoch's steps, per layer in `layerGradientNorms`; `lr`
/// the learning rate used during the epoch; `regression` the training set's
/// RMSE, MAE and R² for regression. Epoch 0 has no batch loss or
/// gradient norm. `seconds` counts time in training steps only, not the
/// evaluation done for these metrics.
public struct EpochRecord: Codable, Equatable, Sendable {
    public package(set) var epoch: Int
    public package(set) var step: Int
    public package(set) var seconds: Double
    public package(set) var samplesSeen: Int
    public package(set) var learningRate: Double
    public package(set) var loss: Double
    public package(set) var accuracy: Double?
    public package(set) var batchLoss: Double?
    public package(set) var validationLoss: Double?
    public package(set) var validationAccuracy: Double?
    /// RMSE, MAE and R² on the training set and the validation set, for regression.
    public package(set) var regression: RegressionScores?
    public package(set) var validationRegression: RegressionScores?
    public package(set) var gradientNorm: Double?
    public package(set) var layerGradientNorms: [Double]
}
