/// A validated experiment: everything the runner needs, resolved from the file.
public struct ExperimentPlan: Sendable {
    public enum DType: String, Sendable { case float32, float64 }

    public var name: String
    public var description: String
    public var dtype: DType
    public var seeds: [UInt64]
    public var dataset: any Dataset
    /// Where `dataset:` is written, for errors found when the data is loaded.
    public var datasetLine: Int?
    public var datasetColumn: Int?
    public var validationSplit: ValidationSplit?
    /// `dataset: {scale: standardize | minmax}`: feature scaling fitted on the training rows.
    public var featureScaling: FeatureScaling?
    public var model: [ModelEntry]
    public var loss: any LossSpec
    public var lossName: String
    public var metrics: [String]
    public var runs: [RunPlan]
    public var plots: [String]
    /// The sweep's key paths (`optimizer.lr`), empty without a sweep.
    public var sweepAxes: [String]
    /// Exit with status 1 when a run diverges (for CI sweeps that must stay stable).
    public var failOnDivergence: Bool
    public var checkpointEvery: Int?
    /// The experiment file's text, echoed in the report.
    public var source: String
    public var file: String
    /// Folder that relative dataset paths are resolved against.
    public var baseDirectory: String

    public var datasetContext: DatasetContext { DatasetContext(baseDirectory: baseDirectory) }
}

/// How much training data is held out for validation: a fraction or a count.
public enum ValidationSplit: Sendable, Equatable {
    case fraction(Double)
    case count(Int)

    public func count(of total: Int) -> Int {
        switch self {
        case .fraction(let fraction): return Int((Double(total) * fraction).rounded())
        case .count(let count): return count
        }
    }
}

/// One layer of the model with where it was written, for build errors.
public struct ModelEntry: Sendable {
    public var name: String
    public var spec: any LayerSpec
    public var line: Int?
    public var column: Int?
}

/// One contender: its label and its training settings after overrides.
public struct RunPlan: Sendable {
    public var label: String
    /// The run's own model, replacing the experiment's (to compare architectures).
    public var model: [ModelEntry]?
    public var epochs: Int
    public var batch: BatchSize
    public var shuffle: Bool
    public var stopping: StoppingCriteria
    public var clipping: GradientClipping?
    public var optimizer: any OptimizerSpec
    public var optimizerName: String
    public var schedule: any ScheduleSpec
    public var recordSteps: Bool

    /// The settings in one line, for the report and summary.json.
    public var settingsDescription: String {
        var parts = ["\(optimizer)", "batch \(batch)", "epochs \(epochs)", "schedule \(schedule)"]
        if let model { parts.append("model " + model.map(\.name).joined(separator: "-")) }
        if !shuffle { parts.append("no shuffle") }
        if let clipping { parts.append("clip \(clipping)") }
        return parts.joined(separator: ", ")
    }
}
