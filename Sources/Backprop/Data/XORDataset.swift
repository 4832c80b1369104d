/// The XOR problem: the four corners of the unit square with Gaussian noise,
/// labelled x1 XOR x2. It is the smallest problem no linear model can solve.
///
/// Sample i sits at corner i mod 4, so the classes are balanced.
public struct XORDataset: Dataset {
    public var samples: Int
    public var noise: Double
    public var seed: UInt64

    public init(samples: Int = 200, noise: Double = 0.1, seed: UInt64 = 0) {
        self.samples = samples
        self.noise = noise
        self.seed = seed
    }

    public var description: String {
        "xor(samples: \(samples), noise: \(noise)\(GeneratedSamples.seedSuffix(seed)))"
    }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        try GeneratedSamples.require(samples > 0, in: "xor", "samples must be at least 1, found \(samples)")
        try GeneratedSamples.require(noise >= 0, in: "xor", "noise must be >= 0, found \(noise)")
        var random = RandomGenerator(seed: seed)
        var generated = GeneratedSamples(featureCount: 2, capacity: samples)
        for index in 0..<samples {
            let corner = index % 4
            let x1 = corner & 1, x2 = corner >> 1
            let point = [Double(x1) + random.normal(standardDeviation: noise),
                         Double(x2) + random.normal(standardDeviation: noise)]
            generated.append(point, target: Double(x1 ^ x2))
        }
        return generated.loaded(as: scalar, featureNames: ["x1", "x2"], classNames: ["0", "1"])
    }
}
