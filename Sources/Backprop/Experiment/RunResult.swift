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
}

/// The model's predicted class on a regular grid over the input plane.
public struct DecisionGrid: Codable, Sendable {
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var resolution: Int
    /// Row-major, `resolution` x `resolution`, y outer: class index at each point.
    public var classes: [Int]
}

/// Loss, accuracy and confusion matrix on a held-out test set.
public struct TestMetrics: Codable, Sendable {
    public var loss: Double
    public var accuracy: Double?
    /// `confusion[actual][predicted]` counts, for classification.
    public var confusion: [[Int]]?
}

/// Everything an experiment produced, in run order then seed order.
public struct ExperimentResult: Sendable {
    public var plan: ExperimentPlan
    public var runs: [RunResult]
    public var featureNames: [String]
    public var classNames: [String]?
    public var trainingSamples: Int
    public var validationSamples: Int
    public var testSamples: Int
    /// Training points for decision-boundary charts (2-D classification only).
    public var points: [LabeledPoint]
    public var warnings: [String]
    public var wallSeconds: Double

    /// Labels of the runs that have results, in the file's order (a shard has some).
    public var labels: [String] {
        plan.runs.map(\.label).filter { label in runs.contains { $0.label == label } }
    }

    public func results(for label: String) -> [RunResult] { runs.filter { $0.label == label } }
}

/// A 2-D training point and its class, for decision-boundary charts.
public struct LabeledPoint: Codable, Sendable {
    public var x: Double
    public var y: Double
    public var label: Int
}
