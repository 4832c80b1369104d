import BackpropCore

/// Isotropic Gaussian blobs, one per class, as sklearn's `make_blobs`.
///
/// The class centers are drawn uniformly from [-5, 5]^features with the seed;
/// each point is its center plus N(0, spread²) on every coordinate. Samples are
/// split evenly across classes, the remainder going to the first ones.
package struct BlobsDataset: GeneratorWithSharedSettings {
    package static let name = "blobs"
    package static let summary = "Gaussian blobs around random centres"
    package let generator: GeneratorSettings
    /// The standard deviation of each coordinate around its centre.
    package let spread: Double

    package init(settings: Settings) throws {
        (generator, spread) = try GeneratorSettings.read(settings, samples: 300, classes: true, features: 2) {
            try settings.double("spread", default: 1, .nonNegative)
        }
    }

    package var featureNames: [String] { GeneratedSamples.featureNames(generator.features) }
    package var classNames: [String]? { GeneratedSamples.classNames(generator.classes) }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let (classes, features) = (generator.classes, generator.features)
        let centers = (0..<classes).map { _ in (0..<features).map { _ in random.uniform(-5, 5) } }
        for (label, count) in GeneratedSamples.evenShares(of: samples, into: classes).enumerated() {
            for _ in 0..<count {
                generated.append(centers[label].map { random.normal(mean: $0, standardDeviation: spread) }, target: Double(label))
            }
        }
    }
}
