import BackpropCore

/// A synthetic dataset. Its samples are drawn in Double from its own seeded
/// generator (its `seed` setting, not the run's), so every run and seed of an
/// experiment sees the same data, and converted once to the run's precision.
/// A generator only says how to draw its samples; loading is shared.
public protocol Generator: Dataset {
    var samples: Int { get }
    var seed: UInt64 { get }
    /// One name per input column.
    var featureNames: [String] { get }
    /// Class names (index = label), or nil for regression.
    var classNames: [String]? { get }
    /// Draws every sample, in order, from `random`.
    func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator)
}

extension Generator {
    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        var random = RandomGenerator(seed: seed)
        var generated = GeneratedSamples(featureCount: featureNames.count, capacity: samples)
        draw(into: &generated, random: &random)
        return generated.loaded(as: scalar, featureNames: featureNames, classNames: classNames)
    }
}
