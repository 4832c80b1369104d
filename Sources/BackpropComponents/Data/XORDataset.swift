import BackpropCore

/// The XOR problem: the four corners of the unit square with Gaussian noise,
/// labelled x1 XOR x2. It is the smallest problem no linear model can solve.
///
/// Sample i sits at corner i mod 4, so the classes are balanced.
package struct XORDataset: Generator {
    package static let name = "xor"
    package static let summary = "the four corners of the unit square with Gaussian noise; label x1 XOR x2"
    package let samples: Int
    package let noise: Double
    package let seed: UInt64

    package init(settings: Settings) throws {
        samples = try settings.int("samples", default: 200, .count)
        noise = try settings.double("noise", default: 0.1, .nonNegative)
        seed = try GeneratedSamples.seed(settings)
    }

    package var description: String {
        "xor(samples: \(samples), noise: \(noise)\(GeneratedSamples.seedSuffix(seed)))"
    }

    package var featureNames: [String] { ["x1", "x2"] }
    package var classNames: [String]? { ["0", "1"] }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        for index in 0..<samples {
            let corner = index % 4
            let x1 = corner & 1, x2 = corner >> 1
            let point = [Double(x1) + random.normal(standardDeviation: noise),
                         Double(x2) + random.normal(standardDeviation: noise)]
            generated.append(point, target: Double(x1 ^ x2))
        }
    }
}
