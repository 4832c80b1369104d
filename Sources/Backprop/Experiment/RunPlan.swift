/// One contender: its label and its training settings after overrides.
public struct RunPlan: Sendable {
    public var label: String
    /// The run as listed in the file, before the sweep: `Adam` for `Adam lr=0.01`.
    public var contender: String
    /// The sweep's values of this run, in the sweep's order.
    public var sweepValues: [SweepValue] = []
    /// What the file sets for this run (train keys over `train:`, its own
    /// model, the sweep's values) in canonical form: with the experiment's
    /// identity and the seed, it names the run's numbers (`TrialKey`).
    public var identity: String = ""
    /// The run's own model, replacing the experiment's (to compare architectures).
    public var model: [ModelEntry]?
    public var epochs: Int
    public var batch: BatchSize
    public var shuffle: Bool
    public var stopping: StoppingCriteria
    public var clipping: GradientClipping?
    public var optimizer: any OptimizerRule
    /// The optimizer as the file names it (the default label).
    public var optimizerName: String
    public var schedule: any LearningRateSchedule
    public var recordSteps: Bool
    /// End with the weights of the best validation epoch.
    public var restoreBest: RestoreBest?

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
public struct SweepValue: Sendable, Equatable {
    /// The key path as the sweep writes it.
    public var axis: String
    /// The value as written (or drawn).
    public var value: String
    /// The value as a number, when it is one (for sensitivity charts).
    public var number: Double? { Double(value.replacingOccurrences(of: "_", with: "")).flatMap { $0.isFinite ? $0 : nil } }
}
