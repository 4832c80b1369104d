import BackpropCore

/// A source of samples: a generator (`xor`, `spiral`, ...) or a file (`csv`, `idx`).
///
/// A dataset loads straight into the run's precision, so a large data set is
/// held once, as Float32 when the experiment runs in float32. Generators are
/// seeded by their own `seed` setting, not the run's seeds, so every run and
/// seed of an experiment sees the same data.
public protocol Dataset: Component {
    func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar>
}

/// Where a dataset resolves relative paths (the experiment file's folder),
/// whether it must have targets (`predict` reads rows without them), and,
/// when the data is for a trained model, the targets that model knows.
public struct DatasetContext: Sendable {
    public var baseDirectory: String
    public var requiresTargets: Bool
    /// A trained model's targets: its classes, so labels are read by name into
    /// the model's class indices (a label it does not know is an error), or
    /// values for regression. Nil when training, where the data decides.
    public var knownTargets: KnownTargets?
    /// A trained model's feature names: a categorical column is expanded into
    /// the categories it was trained on (`colour=red`, ...), not the new file's.
    public var knownFeatureNames: [String]?

    public enum KnownTargets: Sendable, Equatable {
        case classes([String])
        case values
    }

    public init(baseDirectory: String, requiresTargets: Bool = true, knownTargets: KnownTargets? = nil,
                knownFeatureNames: [String]? = nil) {
        self.baseDirectory = baseDirectory
        self.requiresTargets = requiresTargets
        self.knownTargets = knownTargets
        self.knownFeatureNames = knownFeatureNames
    }

    /// `path` as given when absolute, else relative to `baseDirectory`.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory.isEmpty ? path : baseDirectory + "/" + path)
    }
}

/// What a dataset produced.
///
/// Targets are one row per sample: for classification one class index per row
/// (0..<classes, an n x 1 matrix), for regression the target values.
public struct LoadedDataset<Scalar: BLASScalar>: Sendable {
    public var train: DataSplit<Scalar>
    /// The dataset's own test set (e.g. Fashion-MNIST's 10k), if it has one.
    public var test: DataSplit<Scalar>?
    public var featureNames: [String]
    /// Class names for classification (index = label), nil for regression.
    public var classNames: [String]?
    /// What the loader changed on its own (a dropped index column, rows with
    /// missing values), for the user to hear about.
    public var warnings: [String]
    /// Each sample's row in its file (0 = the first data row), when the loader
    /// skipped rows; nil when sample i is row i.
    public var trainRowNumbers: [Int]?
    public var testRowNumbers: [Int]?

    public init(train: DataSplit<Scalar>, test: DataSplit<Scalar>? = nil, featureNames: [String], classNames: [String]?,
                warnings: [String] = [], trainRowNumbers: [Int]? = nil, testRowNumbers: [Int]? = nil) {
        self.train = train
        self.test = test
        self.featureNames = featureNames
        self.classNames = classNames
        self.warnings = warnings
        self.trainRowNumbers = trainRowNumbers
        self.testRowNumbers = testRowNumbers
    }

    public var isClassification: Bool { classNames != nil }
}

