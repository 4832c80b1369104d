import RealModule

/// A one-dimensional regression: y = sin(x) + noise·N(0, 1) with x uniform in
/// [-π, π), a curve a small network must bend to fit.
public struct SineDataset: Generator {
    public static let name = "sine"
    public static let summary = "regression: y = sin(x) + noise, x in [−π, π]"
    public let samples: Int
    public let noise: Double
    public let seed: UInt64

    public init(settings: Settings) throws {
        samples = try settings.int("samples", default: 200, .count)
        noise = try settings.double("noise", default: 0.1, .nonNegative)
        seed = try GeneratedSamples.seed(settings)
    }

    public var description: String {
        "sine(samples: \(samples), noise: \(noise)\(GeneratedSamples.seedSuffix(seed)))"
    }

    public var featureNames: [String] { ["x"] }
    public var classNames: [String]? { nil }

    public func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        for _ in 0..<samples {
            let x = random.uniform(-.pi, .pi)
            generated.append([x], target: Double.sin(x) + noise * random.normal())
        }
    }
}
