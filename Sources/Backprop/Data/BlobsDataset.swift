/// Isotropic Gaussian blobs, one per class, as sklearn's `make_blobs`.
///
/// The class centers are drawn uniformly from [-5, 5]^features with the seed;
/// each point is its center plus N(0, spread²) on every coordinate. Samples are
/// split evenly across classes, the remainder going to the first ones.
public struct BlobsDataset: Dataset {
    public var samples: Int
    public var classes: Int
    public var features: Int
    public var spread: Double
    public var seed: UInt64

    public init(samples: Int = 300, classes: Int = 3, features: Int = 2, spread: Double = 1.0, seed: UInt64 = 0) {
        self.samples = samples
        self.classes = classes
        self.features = features
        self.spread = spread
        self.seed = seed
    }

    public var description: String {
        "blobs(samples: \(samples), classes: \(classes), features: \(features), spread: \(spread)\(GeneratedSamples.seedSuffix(seed)))"
    }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        try GeneratedSamples.require(classes >= 2, in: "blobs", "classes must be at least 2, found \(classes)")
        try GeneratedSamples.require(samples >= classes, in: "blobs", "samples must be at least classes (\(classes)), found \(samples)")
        try GeneratedSamples.require(features >= 1, in: "blobs", "features must be at least 1, found \(features)")
        try GeneratedSamples.require(spread >= 0, in: "blobs", "spread must be >= 0, found \(spread)")
        var random = RandomGenerator(seed: seed)
        let centers = (0..<classes).map { _ in (0..<features).map { _ in random.uniform(-5, 5) } }
        var generated = GeneratedSamples(featureCount: features, capacity: samples)
        for (label, count) in GeneratedSamples.evenShares(of: samples, into: classes).enumerated() {
            for _ in 0..<count {
                generated.append(centers[label].map { random.normal(mean: $0, standardDeviation: spread) }, target: Double(label))
            }
        }
        return generated.loaded(as: scalar, featureNames: GeneratedSamples.featureNames(features),
                                classNames: GeneratedSamples.classNames(classes))
    }
}
