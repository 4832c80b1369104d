import RealModule

/// Two concentric circles, as sklearn's `make_circles`: a problem a linear
/// model cannot separate but one squared feature can.
///
/// The outer circle (class 0, ⌊samples/2⌋ points) has radius 1 and the inner
/// one (class 1) radius `factor`; angles are evenly spaced in [0, 2π) and every
/// coordinate gets Gaussian noise of standard deviation `noise`.
public struct CirclesDataset: Dataset {
    public var samples: Int
    public var noise: Double
    public var factor: Double
    public var seed: UInt64

    public init(samples: Int = 200, noise: Double = 0.05, factor: Double = 0.5, seed: UInt64 = 0) {
        self.samples = samples
        self.noise = noise
        self.factor = factor
        self.seed = seed
    }

    public var description: String {
        "circles(samples: \(samples), noise: \(noise), factor: \(factor)\(GeneratedSamples.seedSuffix(seed)))"
    }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        try GeneratedSamples.require(samples >= 2, in: "circles", "samples must be at least 2, found \(samples)")
        try GeneratedSamples.require(noise >= 0, in: "circles", "noise must be >= 0, found \(noise)")
        try GeneratedSamples.require(factor >= 0 && factor < 1, in: "circles", "factor must be in [0, 1), found \(factor)")
        var random = RandomGenerator(seed: seed)
        var generated = GeneratedSamples(featureCount: 2, capacity: samples)
        let outer = samples / 2
        for (label, (count, radius)) in [(outer, 1.0), (samples - outer, factor)].enumerated() {
            for angle in GeneratedSamples.evenlySpaced(from: 0, to: 2 * .pi, count: count, includingEnd: false) {
                generated.append([radius * Double.cos(angle) + random.normal(standardDeviation: noise),
                                  radius * Double.sin(angle) + random.normal(standardDeviation: noise)], target: Double(label))
            }
        }
        return generated.loaded(as: scalar, featureNames: ["x1", "x2"], classNames: ["0", "1"])
    }
}
