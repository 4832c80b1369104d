/// What one run x seed produced.
public struct RunResult: Codable, Sendable {
    public var label: String
    public var seed: UInt64
    public var history: TrainingHistory
    /// Wall-clock seconds of the whole job (building, training, evaluation).
    public var wallSeconds: Double
    /// Predicted class over a grid, for 2-D classification (first seed only).
    public var decisionGrid: DecisionGrid?
    /// Metrics on the dataset's own test set, when it has one.
    public var test: TestMetrics?
    /// The trial's identity (`TrialKey`); nil in results of versions before 0.2.
    public var trialKey: String?
    /// The BLAS kernel that trained it (`BLASKernel.coreName`): kernels agree to rounding, not to the bit.
    public var kernel: String?
}
