import RealModule

/// A one-dimensional regression: y = sin(x) + noise·N(0, 1) with x uniform in
/// [-π, π), a curve a small network must bend to fit.
public struct SineDataset: Dataset {
    public var samples: Int
    public var noise: Double
    public var seed: UInt64

    public init(samples: Int = 200, noise: Double = 0.1, seed: UInt64 = 0) {
        self.samples = samples
        self.noise = noise
        self.seed = seed
    }

    public var description: String {
        "sine(samples: \(samples), noise: \(noise)\(GeneratedSamples.seedSuffix(seed)))"
    }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        try GeneratedSamples.require(samples > 0, in: "sine", "samples must be at least 1, found \(samples)")
        try GeneratedSamples.require(noise >= 0, in: "sine", "noise must be >= 0, found \(noise)")
        var random = RandomGenerator(seed: seed)
        var generated = GeneratedSamples(featureCount: 1, capacity: samples)
        for _ in 0..<samples {
            let x = random.uniform(-.pi, .pi)
            generated.append([x], target: Double.sin(x) + noise * random.normal())
        }
        return generated.loaded(as: scalar, featureNames: ["x"], classNames: nil)
    }
}
