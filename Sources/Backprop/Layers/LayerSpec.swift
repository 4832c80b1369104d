/// A model entry of an experiment file (`dense: {units: 8}`, `relu`): the
/// layer's settings, independent of precision, and how to build the layer
/// of a run's precision for a given input width.
public protocol LayerSpec: Component {
    func outputSize(inputSize: Int) -> Int
    /// The layer, with its weights (if any) drawn from `random`.
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar>
}
