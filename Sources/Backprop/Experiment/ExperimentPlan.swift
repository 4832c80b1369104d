/// A validated experiment: everything the runner needs, resolved from the file.
public struct ExperimentPlan: Sendable {
    public enum DType: String, Sendable { case float32, float64 }

    public var name: String
    public var description: String
    public var dtype: DType
    public var seeds: [UInt64]
    public var dataset: any Dataset
    /// Where `dataset:` is written, for errors found when the data is loaded.
    public var datasetPosition: ConfigValue
    /// `dataset: {split: ...}`: the validation and test rows to hold out.
    public var split: SplitPlan?
    /// `dataset: {scale: standardize | minmax}`: feature scaling fitted on the training rows.
    public var featureScaling: FeatureScaling?
    /// `dataset: {scale_target: standardize | minmax}`: regression targets
    /// scaled the same way; reported errors and predictions are in the
    /// targets' own units.
    public var targetScaling: FeatureScaling?
    public var model: [ModelEntry]
    public var loss: any Loss
    /// The loss as the file names it.
    public var lossName: String
    public var metrics: [String]
    public var runs: [RunPlan]
    /// The `plots:` entries as written, for the output to build its charts
    /// from (and check); nil when the file leaves `plots:` out.
    public var plots: [ConfigValue]?
    /// The sweep's key paths (`optimizer.lr`), empty without a sweep.
    public var sweepAxes: [String]
    /// Exit with status 1 when a run diverges (for CI sweeps that must stay stable).
    public var failOnDivergence: Bool
    public var checkpointEvery: Int?
    /// What the file sets for every run (dtype, dataset with its split and
    /// scaling, model, loss) in canonical form; a run's own part is
    /// `RunPlan.identity`. Names, descriptions, charts and the order of
    /// things are not part of it: they change no number.
    public var identity: String
    /// The experiment file's text, echoed in the report.
    public var source: String
    public var file: String
    /// Folder that relative dataset paths are resolved against.
    public var baseDirectory: String

    public var datasetContext: DatasetContext { DatasetContext(baseDirectory: baseDirectory) }

    /// An error about the data, positioned at `dataset:`.
    func dataError(_ message: String) -> ExperimentError {
        datasetPosition.error(message)
    }
}


/// One layer of the model with where it was written, for build errors.
public struct ModelEntry: Sendable {
    public var name: String
    public var spec: any LayerSpec
    public var position: ConfigValue
}
