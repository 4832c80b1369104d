import RealModule
import BackpropCore

/// A one-dimensional regression: y = sin(x) + noise·N(0, 1) with x uniform in
/// [-π, π), a curve a small network must bend to fit.
package struct SineDataset: Generator {
    package static let name = "sine"
    package static let summary = "regression: y = sin(x) + noise, x in [−π, π]"
    package let samples: Int
    package let noise: Double
    package let seed: UInt64

    package init(settings: Settings) throws {
        samples = try settings.int("samples", default: 200, .count)
        noise = try settings.double("noise", default: 0.1, .nonNegative)
        seed = try GeneratedSamples.seed(settings)
    }

    package var description: String {
        "sine(samples: \(samples), noise: \(noise)\(GeneratedSamples.seedSuffix(seed)))"
    }

    package var featureNames: [String] { ["x"] }
    package var classNames: [String]? { nil }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        for _ in 0..<samples {
            let x = random.uniform(-.pi, .pi)
            generated.append([x], target: Double.sin(x) + noise * random.normal())
        }
    }
}
