import BackpropCore

/// Gaussian inputs labelled by a random linear "teacher": x ~ N(0, 1) per
/// feature, and the class is the argmax of x·W for a W drawn N(0, 1) with the
/// seed. Any number of features and classes, learnable by a linear model; the
/// data `backprop bench` (and `make bench`) trains on.
package struct TeacherDataset: GeneratorWithSharedSettings {
    package static let name = "teacher"
    package static let summary = "Gaussian inputs labelled by the argmax of a random linear teacher (the benchmark data)"
    package let generator: GeneratorSettings

    package init(settings: Settings) throws {
        generator = try GeneratorSettings(settings, samples: 1000, classes: true, features: 2)
    }

    /// Features before classes, as reports have always shown them (they are read the other way round).
    package var description: String {
        "teacher(samples: \(samples), features: \(generator.features), classes: \(generator.classes)\(GeneratedSamples.seedSuffix(seed)))"
    }

    package var featureNames: [String] { GeneratedSamples.featureNames(generator.features) }
    package var classNames: [String]? { GeneratedSamples.classNames(generator.classes) }

    package func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        let (classes, features) = (generator.classes, generator.features)
        let teacher = (0..<(features * classes)).map { _ in random.normal() }
        var scores = [Double](repeating: 0, count: classes)
        for _ in 0..<samples {
            let row = (0..<features).map { _ in random.normal() }
            for index in scores.indices { scores[index] = 0 }
            for (feature, value) in row.enumerated() {
                for label in 0..<classes { scores[label] += value * teacher[feature * classes + label] }
            }
            var best = 0
            for label in 1..<classes where scores[label] > scores[best] { best = label }
            generated.append(row, target: Double(best))
        }
    }
}
