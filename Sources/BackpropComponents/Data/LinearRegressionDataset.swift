import BackpropCore

/// A linear regression with known answer: y = x·w + b + noise·N(0, 1), with
/// x ~ N(0, 1) per feature, w drawn uniformly from [-2, 2] with the seed and
/// b = 0.5, so a test (or a lesson) can compare a fit with the true weights.
package struct LinearRegressionDataset: GeneratorWithSharedSettings {
    package static let name = "linear_regression"
    package static let summary = "regression: y = x·w + 0.5 + noise with random true weights"
    package let generator: GeneratorSettings

    /// The bias b of every linear dataset.
    package static let trueBias = 0.5

    package init(settings: Settings) throws {
        generator = try GeneratorSettings(settings, samples: 200, features: 1, noise: 0.1)
    }

    /// Reports have always called it `linear`, shorter than its name.
    package var description: String { generator.described(as: "linear") }

    /// The weights w the samples are drawn with (the seed's first draws).
    package var trueWeights: [Double] {
        var random = RandomGenerator(seed: seed)
        return Self.drawWeights(features: generator.features, random: &random)
    }

    private static func drawWeights(features: Int, random: inout RandomGenerator) -> [Double] {
        (0..<features).map { _ in random.uniform(-2, 2) }
    }

    package var featureNames: [String] { GeneratedSamples.featureNames(generator.features) }
    package var classNames: [String]? { nil }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let (features, noise) = (generator.features, generator.noise)
        let weights = Self.drawWeights(features: features, random: &random)
        for _ in 0..<samples {
            let x = (0..<features).map { _ in random.normal() }
            let y = zip(x, weights).reduce(Self.trueBias) { $0 + $1.0 * $1.1 } + noise * random.normal()
            generated.append(x, target: y)
        }
    }
}
