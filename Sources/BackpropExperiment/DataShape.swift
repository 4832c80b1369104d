import BackpropTraining

/// What an experiment's data holds, as far as the outputs care: known after
/// loading, before any training, so `validate` can say which charts cannot
/// be drawn.
public struct DataShape: Sendable, Equatable {
    public var features: Int
    /// The number of classes, nil for regression.
    public var classes: Int?
    public var testSamples: Int
}

extension ExperimentResult {
    public var dataShape: DataShape {
        DataShape(features: featureNames.count, classes: classNames?.count, testSamples: testSamples)
    }
}

extension PreparedData {
    var shape: DataShape {
        DataShape(features: train.features, classes: classNames?.count, testSamples: test?.count ?? 0)
    }
}
