/// The XOR problem: the four corners of the unit square with Gaussian noise,
/// labelled x1 XOR x2. It is the smallest problem no linear model can solve.
///
/// Sample i sits at corner i mod 4, so the classes are balanced.
public struct XORDataset: Dataset {
    public static let name = "xor"
    public static let summary = "the four corners of the unit square with Gaussian noise; label x1 XOR x2"
    public let samples: Int
    public let noise: Double
    public let seed: UInt64

    public init(settings: Settings) throws {
        samples = try settings.int("samples", default: 200, .count)
        noise = try settings.double("noise", default: 0.1, .nonNegative)
        seed = try GeneratedSamples.seed(settings)
    }

    public var description: String {
        "xor(samples: \(samples), noise: \(noise)\(GeneratedSamples.seedSuffix(seed)))"
    }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
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
