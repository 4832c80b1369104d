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
    public var epoch: Int
    public var step: Int
    public var seconds: Double
    public var samplesSeen: Int
    public var learningRate: Double
    public var loss: Double
    public var accuracy: Double?
    public var batchLoss: Double?
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    /// RMSE, MAE and R² on the training set and the validation set, for regression.
    public var regression: RegressionScores?
    public var validationRegression: RegressionScores?
    public var gradientNorm: Double?
    public var layerGradientNorms: [Double]
}
