import RealModule
import BackpropCore

/// Interleaved spiral arms, one per class (the CS231n example): a problem that
/// needs a hidden layer with enough units to bend the decision boundary.
///
/// For class k the arm has radius r = t and angle θ = 4k + 4t + noise·N(0,1),
/// with t evenly spaced in [0, 1]; the point is (r sin θ, r cos θ). Samples are
/// split evenly across classes, the remainder going to the first ones.
package struct SpiralDataset: GeneratorWithSharedSettings {
    package static let name = "spiral"
    package static let summary = "interleaved spiral arms, one class per arm (CS231n)"
    package let generator: GeneratorSettings

    package init(settings: Settings) throws {
        generator = try GeneratorSettings(settings, samples: 300, classes: true, noise: 0.2)
    }

    package var featureNames: [String] { ["x1", "x2"] }
    package var classNames: [String]? { GeneratedSamples.classNames(generator.classes) }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let (classes, noise) = (generator.classes, generator.noise)
        for (label, count) in GeneratedSamples.evenShares(of: samples, into: classes).enumerated() {
            for t in GeneratedSamples.evenlySpaced(from: 0, to: 1, count: count) {
                let angle = Double(label) * 4 + 4 * t + noise * random.normal()
                generated.append([t * Double.sin(angle), t * Double.cos(angle)], target: Double(label))
            }
        }
    }
}
