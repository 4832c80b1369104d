import BackpropCore

/// A model entry of an experiment file (`dense: {units: 8}`, `relu`): the
/// layer's settings, independent of precision, and how to build the layer
/// of a run's precision for a given input width.
public protocol LayerSpec: Component {
    func outputSize(inputSize: Int) -> Int
    /// How many numbers the layer trains for this input width (0 by default),
    /// to stop a model too large to hold before it is built.
    func parameterCount(inputSize: Int) -> Int
    /// The layer, with its weights (if any) drawn from `random`.
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar>
}

extension LayerSpec {
    public func parameterCount(inputSize: Int) -> Int { 0 }
}

/// How large a model may be: 100 million weights (800 MB in Float64), so a
/// typo in `units` or `--layers` fails at once instead of asking for memory.
public enum ModelSize {
    public static let maximumParameters = 100_000_000

    /// `a × b + c`, or nil when it overflows; for counting weights safely.
    public static func product(_ a: Int, _ b: Int, plus c: Int) -> Int? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        let (sum, overflowAgain) = product.addingReportingOverflow(c)
        return overflow || overflowAgain ? nil : sum
    }
}
