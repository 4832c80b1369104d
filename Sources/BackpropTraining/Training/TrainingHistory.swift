import BackpropComponents

/// Everything one training run produced.
public struct TrainingHistory: Codable, Sendable {
    public package(set) var records: [EpochRecord]
    /// Loss of every mini-batch, when per-step recording is on.
    public package(set) var stepLosses: [Double]
    package var stopReason: StopReason
    /// The epoch in which the run diverged, if it did.
    public package(set) var divergedAtEpoch: Int?
    /// First epoch (and training seconds) at which the loss fell below `stop.loss_below`.
    public package(set) var thresholdEpoch: Int?
    public package(set) var thresholdSeconds: Double?
    /// Names of the layers with parameters, matching `EpochRecord.layerGradientNorms`.
    public package(set) var layerNames: [String]
    /// With `restore_best`: the epoch whose weights the run ended with.
    public package(set) var restoredEpoch: Int?
    /// Past `maximumRecords` epochs, only every this many epochs' record is
    /// kept (and the last); nil: every epoch's.
    public package(set) var recordedEvery: Int?

    /// The most epoch records a run keeps, so memory does not grow with
    /// `epochs`: a longer run keeps every 2nd, 4th, ... epoch's record.
    package static let maximumRecords = 10_000

    public var diverged: Bool { divergedAtEpoch != nil }

    /// The record of the weights the run ended with: the restored best epoch,
    /// else the last, unless the run diverged.
    package var endRecord: EpochRecord? {
        if let restored = restoredEpoch { return records.first { $0.epoch == restored } }
        return diverged ? nil : last
    }
    public var last: EpochRecord? { records.last }

    /// Keeps `record`, thinning the records to every other kept epoch when
    /// there are more than `limit`. A record off the stride is kept only
    /// while it is the last (the run's final numbers are always there).
    mutating func keep(_ record: EpochRecord, limit: Int = maximumRecords) {
        let stride = recordedEvery ?? 1
        if let last = records.last, last.epoch % stride != 0 { records.removeLast() }
        records.append(record)
        guard records.count > limit else { return }
        let wider = stride * 2
        records = records.enumerated().filter { index, kept in kept.epoch % wider == 0 || index == records.count - 1 }.map(\.element)
        recordedEvery = wider
    }

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
