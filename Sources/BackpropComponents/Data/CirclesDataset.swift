import RealModule
import BackpropCore

/// Two concentric circles, as sklearn's `make_circles`: a problem a linear
/// model cannot separate but one squared feature can.
///
/// The outer circle (class 0, ⌊samples/2⌋ points) has radius 1 and the inner
/// one (class 1) radius `factor`; angles are evenly spaced in [0, 2π) and every
/// coordinate gets Gaussian noise of standard deviation `noise`.
package struct CirclesDataset: GeneratorWithSharedSettings {
    package static let name = "circles"
    package static let summary = "a circle inside a circle (sklearn make_circles)"
    package let generator: GeneratorSettings
    /// The inner circle's radius, the outer one's being 1.
    package let factor: Double

    package init(settings: Settings) throws {
        (generator, factor) = try GeneratorSettings.read(settings, samples: 200, minimumSamples: 2, noise: 0.05) {
            try settings.double("factor", default: 0.5, .unitInterval)
        }
    }

    package var featureNames: [String] { ["x1", "x2"] }
    package var classNames: [String]? { ["0", "1"] }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let outer = samples / 2, noise = generator.noise
        for (label, (count, radius)) in [(outer, 1.0), (samples - outer, factor)].enumerated() {
            for angle in GeneratedSamples.evenlySpaced(from: 0, to: 2 * .pi, count: count, includingEnd: false) {
                generated.append([radius * Double.cos(angle) + random.normal(standardDeviation: noise),
                                  radius * Double.sin(angle) + random.normal(standardDeviation: noise)], target: Double(label))
            }
        }
    }
}
