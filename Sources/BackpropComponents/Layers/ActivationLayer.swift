import BackpropCore

/// The layer an `Activation` makes: it owns no parameters and runs the
/// activation's passes on the model's buffers.
package final class ActivationLayer<Function: Activation, Scalar: BLASScalar>: Layer, ElementwiseLayer {
    package let function: Function

    package init(_ function: Function) {
        self.function = function
    }

    package var kind: String { Function.name }
    package var description: String { function.description }
    package var trainingWarning: String? { function.trainingWarning }
    package var activation: any Activation { function }

    package func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        function.forward(input, into: &output)
    }

    package func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool
    ) {
        guard needsInputGradient else { return }
        function.backward(input, output, outputGradient, into: &inputGradient)
    }
}

/// A layer that applies an activation entry by entry (what `backprop explain` walks).
package protocol ElementwiseLayer {
    var activation: any Activation { get }
}
