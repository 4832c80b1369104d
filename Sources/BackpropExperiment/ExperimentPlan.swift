import BackpropTraining

/// A validated experiment: everything the runner needs, resolved from the file.
public struct ExperimentPlan: Sendable {
    public enum DType: String, Sendable { case float32, float64 }

    public package(set) var name: String
    public package(set) var description: String
    public package(set) var dtype: DType
    public package(set) var seeds: [UInt64]
    public package(set) var dataset: any Dataset
    /// Where `dataset:` is written, for errors found when the data is loaded.
    package var datasetPosition: ConfigValue
    /// `dataset: {split: ...}`: the validation and test rows to hold out.
    package var split: SplitPlan?
    /// `dataset: {scale: standardize | minmax}`: feature scaling fitted on the training rows.
    package var featureScaling: FeatureScaling?
    /// `dataset: {scale_target: standardize | minmax}`: regression targets
    /// scaled the same way; reported errors and predictions are in the
    /// targets' own units.
    package var targetScaling: FeatureScaling?
    public package(set) var model: [ModelEntry]
    public package(set) var loss: any Loss
    /// The loss as the file names it.
    public package(set) var lossName: String
    /// The file's `metrics:`: which optional columns the report's table shows.
    package var tableMetrics: [Metric]
    /// `tableMetrics` by the names the file writes.
    public var metrics: [String] { tableMetrics.map(\.rawValue) }
    public package(set) var runs: [RunPlan]
    /// The charts `plots:` asks for, in its order; nil when the file leaves
    /// `plots:` out (every default chart is drawn then).
    public package(set) var plots: [PlotRequest]?
    /// The sweep's key paths (`optimizer.lr`), empty without a sweep.
    package var sweepAxes: [String]
    /// Exit with status 1 when a run diverges (for CI sweeps that must stay stable).
    package var failOnDivergence: Bool
    package var checkpointEvery: Int?
    /// What the file sets for every run (dtype, dataset with its split and
    /// scaling, model, loss) in canonical form; a run's own part is
    /// `RunPlan.identity`. Names, descriptions, charts and the order of
    /// things are not part of it: they change no number.
    package var identity: String
    /// The experiment file's text, echoed in the report.
    package var source: String
    public package(set) var file: String
    /// Folder that relative dataset paths are resolved against.
    package var baseDirectory: String
    /// The components the file was read with; its plugins join the version
    /// that keys results.
    public package(set) var catalog: Catalog

    package var datasetContext: DatasetContext { DatasetContext(baseDirectory: baseDirectory) }

    /// An error about the data, positioned at `dataset:`.
    func dataError(_ message: String) -> ExperimentError {
        datasetPosition.error(message)
    }
}


/// A chart `plots:` names: its name, and the chart made from the catalog
/// with the settings written (the output draws it).
public struct PlotRequest: Sendable {
    public package(set) var name: String
    public package(set) var chart: any Component
}

/// One layer of the model with where it was written, for build errors.
public struct ModelEntry: Sendable {
    public package(set) var name: String
    public package(set) var spec: any LayerSpec
    public package(set) var position: ConfigValue
}
