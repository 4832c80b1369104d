import RealModule
import BackpropCore

/// Two interleaving half circles, as sklearn's `make_moons`.
///
/// The outer moon (class 0) is (cos s, sin s) and the inner one (class 1) is
/// (1 − cos s, 0.5 − sin s), with s evenly spaced in [0, π]; the outer moon
/// gets ⌊samples/2⌋ points, and every coordinate gets Gaussian noise of
/// standard deviation `noise`.
package struct MoonsDataset: GeneratorWithSharedSettings {
    package static let name = "moons"
    package static let summary = "two interleaving half circles (sklearn make_moons)"
    package let generator: GeneratorSettings

    package init(settings: Settings) throws {
        generator = try GeneratorSettings(settings, samples: 200, minimumSamples: 2, noise: 0.1)
    }

    package var featureNames: [String] { ["x1", "x2"] }
    package var classNames: [String]? { ["0", "1"] }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let outer = samples / 2, noise = generator.noise
        for s in GeneratedSamples.evenlySpaced(from: 0, to: .pi, count: outer) {
            generated.append([Double.cos(s) + random.normal(standardDeviation: noise),
                              Double.sin(s) + random.normal(standardDeviation: noise)], target: 0)
        }
        for s in GeneratedSamples.evenlySpaced(from: 0, to: .pi, count: samples - outer) {
            generated.append([1 - Double.cos(s) + random.normal(standardDeviation: noise),
                              0.5 - Double.sin(s) + random.normal(standardDeviation: noise)], target: 1)
        }
    }
}
