/// When a run stops before its last epoch.
///
/// - `lossBelow`: the training loss fell below a threshold (the epoch and
///   seconds at which it did are recorded as "time to threshold").
/// - `minDelta` + `patience`: the convergence criterion of the lessons — the
///   loss changed by less than `minDelta` for `patience` epochs in a row.
/// - `maxSeconds`: a time budget for the training steps.
/// - `divergenceFactor`: the loss became NaN/Inf, or exceeded `divergenceFactor`
///   times its starting value; the run is marked diverged.
public struct StoppingCriteria: Equatable, Sendable {
    public var lossBelow: Double?
    public var minDelta: Double?
    public var patience: Int
    public var maxSeconds: Double?
    public var divergenceFactor: Double

    public init(lossBelow: Double? = nil, minDelta: Double? = nil, patience: Int = 5,
                maxSeconds: Double? = nil, divergenceFactor: Double = 1000) {
        self.lossBelow = lossBelow
        self.minDelta = minDelta
        self.patience = patience
        self.maxSeconds = maxSeconds
        self.divergenceFactor = divergenceFactor
    }
}

/// Why a run ended.
public enum StopReason: String, Codable, Sendable {
    case completed = "completed"
    case lossBelow = "loss_below"
    case converged = "converged"
    case timeLimit = "max_seconds"
    case diverged = "diverged"
}
