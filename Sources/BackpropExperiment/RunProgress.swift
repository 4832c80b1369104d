import BackpropTraining

/// Receives progress while an experiment trains. Called from several threads.
public protocol RunProgress: Sendable {
    /// Before training: how many jobs this invocation has, and how many of
    /// them are finished trials reused from an earlier one.
    func jobsPlanned(total: Int, reused: Int)
    func jobStarted(label: String, seed: UInt64, job: Int, of total: Int)
    func epochFinished(label: String, seed: UInt64, record: EpochRecord, epochs: Int)
    func jobFinished(_ result: RunResult, job: Int, of total: Int)
    /// A suite's next batch of jobs, e.g. "xor: tuning", before its jobsPlanned.
    func phaseStarted(_ title: String)
}

extension RunProgress {
    public func phaseStarted(_ title: String) {}
}

/// Says nothing (tests, library use).
public struct SilentProgress: RunProgress {
    public init() {}
    public func jobsPlanned(total: Int, reused: Int) {}
    public func jobStarted(label: String, seed: UInt64, job: Int, of total: Int) {}
    public func epochFinished(label: String, seed: UInt64, record: EpochRecord, epochs: Int) {}
    public func jobFinished(_ result: RunResult, job: Int, of total: Int) {}
}
