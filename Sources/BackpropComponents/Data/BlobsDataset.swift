import BackpropCore

/// Isotropic Gaussian blobs, one per class, as sklearn's `make_blobs`.
///
/// The class centers are drawn uniformly from [-5, 5]^features with the seed;
/// each point is its center plus N(0, spread²) on every coordinate. Samples are
/// split evenly across classes, the remainder going to the first ones.
package struct BlobsDataset: Generator {
    package static let name = "blobs"
    package static let summary = "Gaussian blobs around random centres"
    package let samples: Int
    package let classes: Int
    package let features: Int
    package let spread: Double
    package let seed: UInt64

    package init(settings: Settings) throws {
        (samples, classes) = try GeneratedSamples.samplesAndClasses(settings, defaultSamples: 300)
        features = try GeneratedSamples.features(settings, default: 2, samples: samples)
        spread = try settings.double("spread", default: 1, .nonNegative)
        seed = try GeneratedSamples.seed(settings)
    }

    package var description: String {
        "blobs(samples: \(samples), classes: \(classes), features: \(features), spread: \(spread)\(GeneratedSamples.seedSuffix(seed)))"
    }

    package var featureNames: [String] { GeneratedSamples.featureNames(features) }
    package var classNames: [String]? { GeneratedSamples.classNames(classes) }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let centers = (0..<classes).map { _ in (0..<features).map { _ in random.uniform(-5, 5) } }
        for (label, count) in GeneratedSamples.evenShares(of: samples, into: classes).enumerated() {
            for _ in 0..<count {
                generated.append(centers[label].map { random.normal(mean: $0, standardDeviation: spread) }, target: Double(label))
            }
        }
    }
}
