import BackpropComponents

/// When a run stops before its last epoch.
///
/// - `lossBelow`: the training loss fell below a threshold (the epoch and
///   seconds at which it did are recorded as "time to threshold").
/// - `minDelta` + `patience`: the convergence criterion of the lessons — the
///   loss changed by less than `minDelta` for `patience` epochs in a row.
/// - `maxSeconds`: a wall-time budget for the run: training steps, and also
///   the evaluation and checkpoints between them.
/// - `divergenceFactor`: the loss became NaN/Inf, or exceeded `divergenceFactor`
///   times its starting value; the run is marked diverged.
package struct StoppingCriteria: Equatable, Sendable {
    package var lossBelow: Double?
    package var minDelta: Double?
    package var patience: Int
    package var maxSeconds: Double?
    package var divergenceFactor: Double

    package init(lossBelow: Double? = nil, minDelta: Double? = nil, patience: Int = 5,
                maxSeconds: Double? = nil, divergenceFactor: Double = 1000) {
        self.lossBelow = lossBelow
        self.minDelta = minDelta
        self.patience = patience
        self.maxSeconds = maxSeconds
        self.divergenceFactor = divergenceFactor
    }
}

/// Why a run ended.
package enum StopReason: String, Codable, Sendable {
    case completed = "completed"
    case lossBelow = "loss_below"
    case converged = "converged"
    case timeLimit = "max_seconds"
    case diverged = "diverged"
    /// Stopped by Ctrl-C or SIGTERM before its end (`Interruption`).
    case interrupted = "interrupted"
}

/// Applies `StoppingCriteria` to a run, epoch by epoch.
struct StopMonitor {
    let criteria: StoppingCriteria
    let startingLoss: Double
    private var previousLoss: Double
    private var calmEpochs = 0

    init(_ criteria: StoppingCriteria, startingLoss: Double) {
        self.criteria = criteria
        self.startingLoss = startingLoss
        previousLoss = startingLoss
    }

    /// A starting loss that is not finite has diverged; one below the
    /// threshold needs no training.
    func verdictBeforeTraining() -> StopReason? {
        if !startingLoss.isFinite { return .diverged }
        if let threshold = criteria.lossBelow, startingLoss < threshold { return .lossBelow }
        return nil
    }

    /// Why to stop after this epoch, checked in this order: divergence, the
    /// threshold, convergence, the time budget (against `wallSeconds`, the
    /// run's time so far); nil to go on.
    mutating func verdict(after record: EpochRecord, wallSeconds: Double) -> StopReason? {
        defer { previousLoss = record.loss }
        if !record.loss.isFinite || record.loss > criteria.divergenceFactor * max(startingLoss, 1e-12) { return .diverged }
        if let threshold = criteria.lossBelow, record.loss < threshold { return .lossBelow }
        if let minDelta = criteria.minDelta {
            calmEpochs = abs(previousLoss - record.loss) < minDelta ? calmEpochs + 1 : 0
            if calmEpochs >= criteria.patience { return .converged }
        }
        if let budget = criteria.maxSeconds, wallSeconds >= budget { return .timeLimit }
        return nil
    }
}
