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
    /// With `restore_best`: the epoch whose weights the run ended with.
    public var restoredEpoch: Int?

    public var diverged: Bool { divergedAtEpoch != nil }
    public var last: EpochRecord? { records.last }

    /// Ends the run for `reason` at `epoch`: a divergence or a reached
    /// threshold also records when it happened.
    mutating func stop(_ reason: StopReason, epoch: Int, seconds: Double) {
        stopReason = reason
        switch reason {
        case .diverged:
            divergedAtEpoch = epoch
        case .lossBelow:
            thresholdEpoch = epoch
            thresholdSeconds = seconds
        case .completed, .converged, .timeLimit, .interrupted:
            break
        }
    }
}
