/// Receives progress while an experiment trains. Called from several threads.
public protocol RunProgress: Sendable {
    func jobStarted(label: String, seed: UInt64, job: Int, of total: Int)
    func epochFinished(label: String, seed: UInt64, record: EpochRecord, epochs: Int)
    func jobFinished(_ result: RunResult, job: Int, of total: Int)
}

/// Says nothing (tests, library use).
public struct SilentProgress: RunProgress {
    public init() {}
    public func jobStarted(label: String, seed: UInt64, job: Int, of total: Int) {}
    public func epochFinished(label: String, seed: UInt64, record: EpochRecord, epochs: Int) {}
    public func jobFinished(_ result: RunResult, job: Int, of total: Int) {}
}
