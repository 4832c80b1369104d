import RealModule
import BackpropCore

/// Two concentric circles, as sklearn's `make_circles`: a problem a linear
/// model cannot separate but one squared feature can.
///
/// The outer circle (class 0, ⌊samples/2⌋ points) has radius 1 and the inner
/// one (class 1) radius `factor`; angles are evenly spaced in [0, 2π) and every
/// coordinate gets Gaussian noise of standard deviation `noise`.
package struct CirclesDataset: Generator {
    package static let name = "circles"
    package static let summary = "a circle inside a circle (sklearn make_circles)"
    package let samples: Int
    package let noise: Double
    package let factor: Double
    package let seed: UInt64

    package init(settings: Settings) throws {
        samples = try settings.int("samples", default: 200, .countFrom(2))
        noise = try settings.double("noise", default: 0.05, .nonNegative)
        factor = try settings.double("factor", default: 0.5, .unitInterval)
        seed = try GeneratedSamples.seed(settings)
    }

    package var description: String {
        "circles(samples: \(samples), noise: \(noise), factor: \(factor)\(GeneratedSamples.seedSuffix(seed)))"
    }

    package var featureNames: [String] { ["x1", "x2"] }
    package var classNames: [String]? { ["0", "1"] }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let outer = samples / 2
        for (label, (count, radius)) in [(outer, 1.0), (samples - outer, factor)].enumerated() {
            for angle in GeneratedSamples.evenlySpaced(from: 0, to: 2 * .pi, count: count, includingEnd: false) {
                generated.append([radius * Double.cos(angle) + random.normal(standardDeviation: noise),
                                  radius * Double.sin(angle) + random.normal(standardDeviation: noise)], target: Double(label))
            }
        }
    }
}
