import BackpropCore

/// A chain of layers: forward runs them in order, backward applies the chain
/// rule in reverse, each layer turning the gradient at its output into the
/// gradient at its input.
///
/// The model owns every intermediate buffer (`outputs[i]` is layer i's output,
/// `inputGradients[i]` the gradient at layer i's input), so a warm training
/// step reuses them and allocates nothing.
package final class Sequential<Scalar: BLASScalar> {
    package let layers: [any Layer<Scalar>]
    package let inputSize: Int
    @exclusivity(unchecked) package private(set) var outputs: [Matrix<Scalar>]  // see Parameter.value
    /// `inputGradients[i]` is ∂loss/∂(input of layer i) after the last backward.
    @exclusivity(unchecked) package private(set) var inputGradients: [Matrix<Scalar>]

    package init(inputSize: Int, layers: [any Layer<Scalar>]) {
        self.inputSize = inputSize
        self.layers = layers
        outputs = Array(repeating: Matrix(rows: 0, columns: 0), count: layers.count)
        inputGradients = Array(repeating: Matrix(rows: 0, columns: 0), count: layers.count)
        for (index, layer) in layers.enumerated() {
            for parameter in layer.parameters + layer.buffers {
                parameter.name = Self.layerName(index: index, kind: layer.kind) + "." + (parameter.name.split(separator: ".").last ?? "")
            }
        }
    }

    /// `layer3.dense`: how parameters (`layer3.dense.weight`), gradient norms
    /// and checkpoints name the layer at `index` (from 0).
    package static func layerName(index: Int, kind: String) -> String {
        "layer\(index + 1).\(kind)"
    }

    /// Width of the model's output.
    package var outputSize: Int {
        layers.reduce(inputSize) { $1.outputSize(inputSize: $0) }
    }

    /// Trainable parameters, layer by layer.
    package var parameters: [Parameter<Scalar>] { layers.flatMap { $0.parameters } }

    /// Trainable parameters and saved state (batch-norm running statistics).
    package var parametersAndBuffers: [Parameter<Scalar>] { layers.flatMap { $0.parameters + $0.buffers } }

    package var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Warnings worth telling a learner before training (e.g. a step activation).
    package var trainingWarnings: [String] {
        layers.enumerated().compactMap { index, layer in
            layer.trainingWarning.map { "layer \(index + 1) (\(layer.kind)): \($0)" }
        }
    }

    /// Runs every layer; the result is the last layer's output buffer, valid until the next call.
    /// Exported specializations: the trainer (another module) calls these
    /// directly, and takes the Float or Double one instead of the generic body.
    @discardableResult
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    package func forward(_ input: Matrix<Scalar>, training: Bool) -> Matrix<Scalar> {
        precondition(input.columns == inputSize, "model expects \(inputSize) input columns, got \(input.shapeDescription)")
        guard !layers.isEmpty else { return input }
        for index in layers.indices {
            let layerInput = index == 0 ? input : outputs[index - 1]
            layers[index].forward(layerInput, into: &outputs[index], training: training)
        }
        return outputs[layers.count - 1]
    }

    /// Backpropagates `outputGradient` (∂loss/∂output of the last forward) and
    /// fills every parameter's gradient. `input` must be the last forward's input.
    /// With `needsInputGradient` the gradient at the input is kept in `inputGradient`.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    package func backward(input: Matrix<Scalar>, outputGradient: Matrix<Scalar>, needsInputGradient: Bool = false) {
        for index in layers.indices.reversed() {
            let layerInput = index == 0 ? input : outputs[index - 1]
            let gradientAtOutput = index == layers.count - 1 ? outputGradient : inputGradients[index + 1]
            layers[index].backward(
                input: layerInput, output: outputs[index], outputGradient: gradientAtOutput,
                inputGradient: &inputGradients[index], needsInputGradient: index > 0 || needsInputGradient)
        }
    }

    /// ∂loss/∂input from the last `backward(…, needsInputGradient: true)`.
    package var inputGradient: Matrix<Scalar> {
        inputGradients.first ?? Matrix(rows: 0, columns: 0)
    }

    /// Restarts the randomness of every layer (dropout) from one seed.
    package func reseed(_ seed: UInt64) {
        var random = RandomGenerator(seed: seed)
        for layer in layers { layer.reseed(random.next()) }
    }
}

extension Sequential: CustomStringConvertible {
    package var description: String {
        var width = inputSize
        var lines = ["input(\(inputSize))"]
        for (index, layer) in layers.enumerated() {
            width = layer.outputSize(inputSize: width)
            lines.append("  \(index + 1). \(layer.description) -> \(width)")
        }
        lines.append("\(parameterCount) trainable parameters")
        return lines.joined(separator: "\n")
    }
}
