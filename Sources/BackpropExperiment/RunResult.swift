import BackpropTraining

/// What one run x seed produced.
public struct RunResult: Codable, Sendable {
    public package(set) var label: String
    public package(set) var seed: UInt64
    public package(set) var history: TrainingHistory
    /// Wall-clock seconds of the whole job (building, training, evaluation).
    public package(set) var wallSeconds: Double
    /// Predicted class over a grid, for 2-D classification (first seed only).
    public package(set) var decisionGrid: DecisionGrid?
    /// Metrics on the dataset's own test set, when it has one.
    public package(set) var test: TestMetrics?
    /// The trial's identity (`TrialKey`); nil in results of versions before 0.2.
    package var trialKey: String?
    /// The BLAS kernel that trained it (`BLASKernel.coreName`): kernels agree to rounding, not to the bit.
    package var kernel: String?
}
