import BackpropCore

/// One stage of a network: a forward map and its local backward (the chain rule).
///
/// Buffers belong to the model, not the layer: `forward` writes its result into
/// `output`, and `backward` is handed the same `input` and `output` again along
/// with the gradient of the loss with respect to `output`. It fills the gradients
/// of its own parameters and writes the gradient with respect to `input`. A layer
/// keeps only private scratch (a dropout mask, batch statistics), so a warm
/// training step reuses every buffer and allocates nothing.
public protocol Layer<Scalar>: AnyObject, CustomStringConvertible {
    associatedtype Scalar: BLASScalar

    /// The registry name (`dense`, `relu`, ...).
    var kind: String { get }

    /// Width of the output for a given input width.
    func outputSize(inputSize: Int) -> Int

    func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool)

    /// Fills parameter gradients (overwriting them) and, when `inputGradient` is
    /// non-nil, writes the gradient with respect to `input` into it.
    func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool)

    /// Trainable parameters, in a stable order.
    var parameters: [Parameter<Scalar>] { get }

    /// State that is saved with the model but not trained (batch-norm running statistics).
    var buffers: [Parameter<Scalar>] { get }

    /// Restarts any randomness the layer uses (dropout masks) from `seed`.
    func reseed(_ seed: UInt64)

    /// A warning for a learner when the layer is used in training (e.g. the step
    /// activation, whose gradient is zero almost everywhere).
    var trainingWarning: String? { get }
}

extension Layer {
    public var parameters: [Parameter<Scalar>] { [] }
    public var buffers: [Parameter<Scalar>] { [] }
    public func reseed(_ seed: UInt64) {}
    public var trainingWarning: String? { nil }
    public func outputSize(inputSize: Int) -> Int { inputSize }
    public var description: String { kind }
}
