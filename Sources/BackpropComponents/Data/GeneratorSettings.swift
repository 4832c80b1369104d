import BackpropCore

/// The settings the built-in generators share, read from `Settings` in one
/// place, so each key has one range and one message in every generator.
///
/// They are read in the order `backprop list` shows them: `samples`; then
/// `classes`, `features` and `noise` for a generator that has them; then the
/// generator's own settings (the `own` of `read`); `seed` last. A generator
/// says which it has by giving their defaults; `classes` (default 3) also
/// checks that every class gets a sample, and `minimumSamples` applies
/// without it.
package struct GeneratorSettings: Sendable {
    package let samples: Int
    /// The generator's own seed (`GeneratedSamples.seed`), so every run sees the same data.
    package let seed: UInt64
    private let classCount: Int?
    private let featureCount: Int?
    private let noiseDeviation: Double?
    /// The settings read, in order, but the seed at its default 0.
    private let valuesShown: [(key: String, value: String)]

    /// The shared settings and what `own` reads between them and the seed.
    package static func read<Own>(
        _ settings: Settings, samples defaultSamples: Int, minimumSamples: Int = 1, classes hasClasses: Bool = false,
        features defaultFeatures: Int? = nil, noise defaultNoise: Double? = nil, own readOwn: () throws -> Own
    ) throws -> (shared: GeneratorSettings, own: Own) {
        let samples: Int, classes: Int?
        if hasClasses {
            (samples, classes) = try GeneratedSamples.samplesAndClasses(settings, defaultSamples: defaultSamples)
        } else {
            samples = try settings.int("samples", default: defaultSamples, minimumSamples == 1 ? .count : .countFrom(minimumSamples))
            classes = nil
        }
        let features = try defaultFeatures.map { try GeneratedSamples.features(settings, default: $0, samples: samples) }
        let noise = try defaultNoise.map { try settings.double("noise", default: $0, .nonNegative) }
        let own = try readOwn()
        let seed = try GeneratedSamples.seed(settings)
        let shared = GeneratorSettings(samples: samples, seed: seed, classCount: classes, featureCount: features, noiseDeviation: noise,
                                       valuesShown: settings.valuesRead.filter { $0.key != "seed" || seed != 0 })
        return (shared, own)
    }

    /// The shared settings of a generator that has none of its own.
    package init(_ settings: Settings, samples defaultSamples: Int, minimumSamples: Int = 1, classes: Bool = false,
                 features defaultFeatures: Int? = nil, noise defaultNoise: Double? = nil) throws {
        self = try Self.read(settings, samples: defaultSamples, minimumSamples: minimumSamples, classes: classes,
                             features: defaultFeatures, noise: defaultNoise, own: {}).shared
    }

    private init(samples: Int, seed: UInt64, classCount: Int?, featureCount: Int?, noiseDeviation: Double?,
                 valuesShown: [(key: String, value: String)]) {
        self.samples = samples
        self.seed = seed
        self.classCount = classCount
        self.featureCount = featureCount
        self.noiseDeviation = noiseDeviation
        self.valuesShown = valuesShown
    }

    /// `classes` (default 3, at least 2, at most `samples`).
    package var classes: Int { declared(classCount, "classes") }
    /// `features`, with samples x features at most 100 million values.
    package var features: Int { declared(featureCount, "features") }
    /// `noise`, the standard deviation of the Gaussian noise the generator adds (its documentation says to what).
    package var noise: Double { declared(noiseDeviation, "noise") }

    /// `name(samples: 200, noise: 0.1)`: every setting read, in order, and the
    /// seed only when it is not the default 0.
    package func described(as name: String) -> String {
        Settings.describe(name, valuesShown)
    }

    private func declared<Value>(_ value: Value?, _ key: String) -> Value {
        guard let value else { preconditionFailure("this generator has no '\(key)' setting: give GeneratorSettings its default") }
        return value
    }
}

/// A built-in generator whose shared settings are one `GeneratorSettings`.
package protocol GeneratorWithSharedSettings: Generator {
    var generator: GeneratorSettings { get }
}

extension GeneratorWithSharedSettings {
    package var samples: Int { generator.samples }
    package var seed: UInt64 { generator.seed }
    package var description: String { generator.described(as: Self.name) }
}
