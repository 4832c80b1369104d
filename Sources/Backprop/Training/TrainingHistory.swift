/// Everything one training run produced.
public struct TrainingHistory: Codable, Sendable {
    public var records: [EpochRecord]
    /// Loss of every mini-batch, when per-step recording is on.
    public var stepLosses: [Double]
    public var stopReason: StopReason
    /// The epoch in which the run diverged, if it did.
    public var divergedAtEpoch: Int?
    /// First epoch (and training seconds) at which the loss fell below `stop.loss_below`.
    public var thresholdEpoch: Int?
    public var thresholdSeconds: Double?
    /// Names of the layers with parameters, matching `EpochRecord.layerGradientNorms`.
    public var layerNames: [String]

    public var diverged: Bool { divergedAtEpoch != nil }
    public var last: EpochRecord? { records.last }
}
