/// The XOR problem: the four corners of the unit square with Gaussian noise,
/// labelled x1 XOR x2. It is the smallest problem no linear model can solve.
///
/// Sample i sits at corner i mod 4, so the classes are balanced.
public struct XORDataset: Generator {
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

    public var featureNames: [String] { ["x1", "x2"] }
    public var classNames: [String]? { ["0", "1"] }

    public func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        for index in 0..<samples {
            let corner = index % 4
            let x1 = corner & 1, x2 = corner >> 1
            let point = [Double(x1) + random.normal(standardDeviation: noise),
                         Double(x2) + random.normal(standardDeviation: noise)]
            generated.append(point, target: Double(x1 ^ x2))
        }
    }
}
