import BackpropCore

/// The XOR problem: the four corners of the unit square with Gaussian noise,
/// labelled x1 XOR x2. It is the smallest problem no linear model can solve.
///
/// Sample i sits at corner i mod 4, so the classes are balanced.
package struct XORDataset: GeneratorWithSharedSettings {
    package static let name = "xor"
    package static let summary = "the four corners of the unit square with Gaussian noise; label x1 XOR x2"
    package let generator: GeneratorSettings

    package init(settings: Settings) throws {
        generator = try GeneratorSettings(settings, samples: 200, noise: 0.1)
    }

    package var featureNames: [String] { ["x1", "x2"] }
    package var classNames: [String]? { ["0", "1"] }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let noise = generator.noise
        for index in 0..<samples {
            let corner = index % 4
            let x1 = corner & 1, x2 = corner >> 1
            let point = [Double(x1) + random.normal(standardDeviation: noise),
                         Double(x2) + random.normal(standardDeviation: noise)]
            generated.append(point, target: Double(x1 ^ x2))
        }
    }
}
