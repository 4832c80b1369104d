import RealModule
import BackpropCore

/// A one-dimensional regression: y = sin(x) + noise·N(0, 1) with x uniform in
/// [-π, π), a curve a small network must bend to fit.
package struct SineDataset: GeneratorWithSharedSettings {
    package static let name = "sine"
    package static let summary = "regression: y = sin(x) + noise, x in [−π, π]"
    package let generator: GeneratorSettings

    package init(settings: Settings) throws {
        generator = try GeneratorSettings(settings, samples: 200, noise: 0.1)
    }

    package var featureNames: [String] { ["x"] }
    package var classNames: [String]? { nil }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        for _ in 0..<samples {
            let x = random.uniform(-.pi, .pi)
            generated.append([x], target: Double.sin(x) + generator.noise * random.normal())
        }
    }
}
