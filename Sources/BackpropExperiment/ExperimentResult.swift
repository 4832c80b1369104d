import BackpropTraining

/// Everything an experiment produced, in run order then seed order.
///
/// Saved as results.json, so the report can be redrawn without training
/// (`backprop plot`) and sweep shards merged (`backprop merge`); the experiment
/// is stored as its source text and parsed again when read.
public struct ExperimentResult: Sendable, Codable {
    public package(set) var plan: ExperimentPlan
    public package(set) var runs: [RunResult]
    public package(set) var featureNames: [String]
    public package(set) var classNames: [String]?
    public package(set) var trainingSamples: Int
    public package(set) var validationSamples: Int
    public package(set) var testSamples: Int
    /// Training points for decision-boundary charts (2-D classification only).
    public package(set) var points: [LabeledPoint]
    public package(set) var warnings: [String]
    public package(set) var wallSeconds: Double
    /// The rows of each part when the experiment splits its data.
    package var splits: SplitRows?
    /// Where the test set came from; nil when there is none.
    package var testSource: TestSource?
    /// Whether regression targets were scaled (`scale_target`) for training.
    package var targetsScaled: Bool
    /// Every job of the experiment (all shards'), by label, seed and trial key:
    /// what a merge must find.
    package var trials: [PlannedTrial]
    /// The program that made the results (`Version.description(of:)` its catalog).
    public package(set) var version: String
    /// How many of `runs` were finished trials reused rather than trained.
    package var reused: Int
    /// How many distinct trials this invocation trained (two runs with one
    /// key are one trial); not kept in results.json.
    package var trainedTrials = 0
    /// The BLAS kernel and CPU the trained runs used (`BLASKernel.description`).
    package var blas: String?
    /// The bars to clear: models fitted without training, scored on each part.
    public package(set) var baselines: [BaselineResult] = []
    /// Regression: the targets of the first `TestMetrics.storedPredictionRows`
    /// test rows, row by row, in their own units (what `TestMetrics.predictions` predict).
    package var testTargets: [Double]?
    package var targetColumns = 1
    /// Why some planned runs have no results (a command stopped by Ctrl-C);
    /// nil for a whole set. The report says it first.
    package var partial: String?

    /// Labels of the runs that have results, in the file's order (a shard has some).
    public var labels: [String] {
        plan.runs.map(\.label).filter { label in runs.contains { $0.label == label } }
    }

    public func results(for label: String) -> [RunResult] { runs.filter { $0.label == label } }

    private enum CodingKeys: String, CodingKey {
        case source, file, baseDirectory, runs, featureNames, classNames, trainingSamples, validationSamples, testSamples
        case points, warnings, wallSeconds, splits, testSource, targetsScaled, trials, version, reused, blas, partial, baselines, testTargets, targetColumns
    }

    package init(plan: ExperimentPlan, runs: [RunResult], featureNames: [String], classNames: [String]?, trainingSamples: Int,
                validationSamples: Int, testSamples: Int, points: [LabeledPoint], warnings: [String], wallSeconds: Double,
                splits: SplitRows? = nil, testSource: TestSource? = nil, targetsScaled: Bool = false, trials: [PlannedTrial] = [],
                version: String? = nil, reused: Int = 0, blas: String? = nil) {
        self.blas = blas
        self.trials = trials
        self.version = version ?? Version.description(of: plan.catalog)
        self.reused = reused
        self.splits = splits
        self.testSource = testSource
        self.targetsScaled = targetsScaled
        self.plan = plan
        self.runs = runs
        self.featureNames = featureNames
        self.classNames = classNames
        self.trainingSamples = trainingSamples
        self.validationSamples = validationSamples
        self.testSamples = testSamples
        self.points = points
        self.warnings = warnings
        self.wallSeconds = wallSeconds
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let catalog = decoder.userInfo[.catalog] as? Catalog else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "results are read with the catalog of the components they name"))
        }
        plan = try ExperimentLoader(catalog: catalog).parse(try container.decode(String.self, forKey: .source),
                                          file: try container.decode(String.self, forKey: .file),
                                          baseDirectory: try container.decode(String.self, forKey: .baseDirectory))
        runs = try container.decode([RunResult].self, forKey: .runs)
        featureNames = try container.decode([String].self, forKey: .featureNames)
        classNames = try container.decodeIfPresent([String].self, forKey: .classNames)
        trainingSamples = try container.decode(Int.self, forKey: .trainingSamples)
        validationSamples = try container.decode(Int.self, forKey: .validationSamples)
        testSamples = try container.decode(Int.self, forKey: .testSamples)
        points = try container.decode([LabeledPoint].self, forKey: .points)
        warnings = try container.decode([String].self, forKey: .warnings)
        wallSeconds = try container.decode(Double.self, forKey: .wallSeconds)
        splits = try container.decodeIfPresent(SplitRows.self, forKey: .splits)
        testSource = try container.decodeIfPresent(TestSource.self, forKey: .testSource)
        targetsScaled = try container.decodeIfPresent(Bool.self, forKey: .targetsScaled) ?? false
        trials = try container.decodeIfPresent([PlannedTrial].self, forKey: .trials) ?? []
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? "0.1.0"
        reused = try container.decodeIfPresent(Int.self, forKey: .reused) ?? 0
        blas = try container.decodeIfPresent(String.self, forKey: .blas)
        partial = try container.decodeIfPresent(String.self, forKey: .partial)
        baselines = try container.decodeIfPresent([BaselineResult].self, forKey: .baselines) ?? []
        testTargets = try container.decodeIfPresent([Double].self, forKey: .testTargets)
        targetColumns = try container.decodeIfPresent(Int.self, forKey: .targetColumns) ?? 1
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plan.source, forKey: .source)
        try container.encode(plan.file, forKey: .file)
        try container.encode(plan.baseDirectory, forKey: .baseDirectory)
        try container.encode(runs, forKey: .runs)
        try container.encode(featureNames, forKey: .featureNames)
        try container.encodeIfPresent(classNames, forKey: .classNames)
        try container.encode(trainingSamples, forKey: .trainingSamples)
        try container.encode(validationSamples, forKey: .validationSamples)
        try container.encode(testSamples, forKey: .testSamples)
        try container.encode(points, forKey: .points)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(wallSeconds, forKey: .wallSeconds)
        try container.encodeIfPresent(splits, forKey: .splits)
        try container.encodeIfPresent(testSource, forKey: .testSource)
        try container.encode(targetsScaled, forKey: .targetsScaled)
        try container.encode(trials, forKey: .trials)
        try container.encode(version, forKey: .version)
        try container.encode(reused, forKey: .reused)
        try container.encodeIfPresent(blas, forKey: .blas)
        try container.encodeIfPresent(partial, forKey: .partial)
        try container.encode(baselines, forKey: .baselines)
        try container.encodeIfPresent(testTargets, forKey: .testTargets)
        try container.encode(targetColumns, forKey: .targetColumns)
    }
}

/// One job of an experiment: a run's label, a seed and the trial's key.
package struct PlannedTrial: Codable, Sendable, Equatable {
    public package(set) var label: String
    package var seed: UInt64
    package var key: String
}

/// Where an experiment's test set came from.
package enum TestSource: String, Codable, Sendable {
    /// Held out of the data by `split: {test: ...}`.
    case split
    /// The dataset's own (Fashion-MNIST's 10k, IDX test files, `csv: {test_path: ...}`).
    case dataset
}

/// A 2-D training point and its class, for decision-boundary charts.
public struct LabeledPoint: Codable, Sendable {
    public package(set) var x: Double
    public package(set) var y: Double
    public package(set) var label: Int
}

extension CodingUserInfoKey {
    /// The `Catalog` results are decoded with: their experiment is read
    /// again, and names the components it was run with.
    // The initializer is failable for no reason a constant name can meet.
    package static let catalog = CodingUserInfoKey(rawValue: "backprop.catalog")!
}
