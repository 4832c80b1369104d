/// The layer an `Activation` makes: it owns no parameters and runs the
/// activation's passes on the model's buffers.
public final class ActivationLayer<Function: Activation, Scalar: BLASScalar>: Layer, ElementwiseLayer {
    public let function: Function

    public init(_ function: Function) {
        self.function = function
    }

    public var kind: String { Function.name }
    public var description: String { function.description }
    public var trainingWarning: String? { function.trainingWarning }
    public var activation: any Activation { function }

    public func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        function.forward(input, into: &output)
    }

    public func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool
    ) {
        guard needsInputGradient else { return }
        function.backward(input, output, outputGradient, into: &inputGradient)
    }
}

/// A layer that applies an activation entry by entry (what `backprop explain` walks).
public protocol ElementwiseLayer {
    var activation: any Activation { get }
}
