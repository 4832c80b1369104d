import BackpropTraining

/// One contender: its label and its training settings after overrides.
public struct RunPlan: Sendable {
    public package(set) var label: String
    /// The run as listed in the file, before the sweep: `Adam` for `Adam lr=0.01`.
    package var contender: String
    /// The sweep's values of this run, in the sweep's order.
    package var sweepValues: [SweepValue] = []
    /// What the file sets for this run (train keys over `train:`, its own
    /// model, the sweep's values) in canonical form: with the experiment's
    /// identity and the seed, it names the run's numbers (`TrialKey`).
    package var identity: String = ""
    /// The run's own model, replacing the experiment's (to compare architectures).
    public package(set) var model: [ModelEntry]?
    public package(set) var epochs: Int
    package var batch: BatchSize
    public package(set) var shuffle: Bool
    package var stopping: StoppingCriteria
    package var clipping: GradientClipping?
    public package(set) var optimizer: any OptimizerRule
    /// The optimizer as the file names it (the default label).
    public package(set) var optimizerName: String
    public package(set) var schedule: any LearningRateSchedule
    package var recordSteps: Bool
    /// End with the weights of the best validation epoch.
    package var restoreBest: Metric?

    /// The settings in one line, for the report and summary.json.
    public var settingsDescription: String {
        var parts = ["\(optimizer)", "batch \(batch)", "epochs \(epochs)", "schedule \(schedule)"]
        if let model { parts.append("model " + model.map(\.name).joined(separator: "-")) }
        if !shuffle { parts.append("no shuffle") }
        if let clipping { parts.append("clip \(clipping)") }
        if let restoreBest { parts.append("restore best \(restoreBest.rawValue)") }
        return parts.joined(separator: ", ")
    }
}

/// One swept setting of a run: `optimizer.lr` = `0.01`.
package struct SweepValue: Sendable, Equatable {
    /// The key path as the sweep writes it.
    package var axis: String
    /// The value as written (or drawn).
    package var value: String
    /// The value as a number, when it is one (for sensitivity charts).
    package var number: Double? { Double(value.replacingOccurrences(of: "_", with: "")).flatMap { $0.isFinite ? $0 : nil } }
}
