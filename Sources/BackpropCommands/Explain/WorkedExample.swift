import BackpropOutput

/// The lesson's worked example: one sample through a small network, forward
/// and backward, showing for every weight the three factors of its gradient.
///
/// For a weight w feeding node j from a value a (the node feeding the weight):
/// `∂L/∂w = a · f'(z_j) · ∂L/∂(f(z_j))` — the value feeding the weight, the slope
/// of the activation at the node it feeds, and the slope of the loss with respect
/// to that node's output. The product is checked against the gradient that
/// `Sequential.backward` computes, so the two views of the chain rule agree.
package struct WorkedExample: Sendable {
    package struct WeightStep: Sendable {
        package var name: String
        package var value: Double
        package var feedingValue: Double
        package var activationSlope: Double
        package var lossSlope: Double
        package var gradient: Double
        package var backpropGradient: Double
        package var updated: Double
    }

    package struct NodeValue: Sendable {
        package var name: String
        package var preActivation: Double
        package var activation: String
        package var output: Double
    }

    package var input: [Double]
    package var target: Double
    package var learningRate: Double
    package var nodes: [NodeValue]
    package var prediction: Double
    package var loss: Double
    package var lossSlope: Double
    package var weights: [WeightStep]
    package var lossAfterUpdate: Double

    /// input 2 → two ReLU hidden units → linear output; prediction 7 for target 4
    /// (error 3). The second hidden unit is switched off (z < 0), so its weights
    /// get no gradient: the ReLU's slope there is zero.
    package static func lessonModel() -> Sequential<Double> {
        Sequential(inputSize: 1, layers: [
            Dense(weight: Matrix([[1.5], [-0.5]]), bias: [0.5, 0]),
            ActivationLayer(ReLU()),
            Dense(weight: Matrix([[2, 1]]), bias: [0]),
        ])
    }

    package enum Problem: BadInputError {
        case unsupportedLayer(String)
        case shape(String)
        package var description: String {
            switch self {
            case .unsupportedLayer(let kind):
                return "explain walks dense layers and element-wise activations only; '\(kind)' is not one"
            case .shape(let message): return message
            }
        }
    }

    /// Walks `model` (dense layers, each optionally followed by one element-wise
    /// activation, one output) on one sample with squared error `(ŷ − t)²`, and
    /// takes one gradient-descent step of size `learningRate` (the model's
    /// weights are updated).
    package init(model: Sequential<Double>, input: [Double], target: Double, learningRate: Double) throws {
        guard input.count == model.inputSize else {
            throw Problem.shape("the model takes \(model.inputSize) input(s), got \(input.count)")
        }
        guard model.outputSize == 1 else {
            throw Problem.shape("explain needs a model with one output, this one has \(model.outputSize)")
        }
        for layer in model.layers where !(layer is Dense<Double>) && !(layer is any ElementwiseLayer) {
            throw Problem.unsupportedLayer(layer.kind)
        }
        self.input = input
        self.target = target
        self.learningRate = learningRate
        let x = Matrix(rows: 1, columns: input.count, storage: input)
        let loss = MeanSquaredError()
        let targetMatrix = Matrix<Double>(rows: 1, columns: 1, storage: [target])
        let output = model.forward(x, training: true)
        prediction = output.storage[0]
        self.loss = loss.value(prediction: output, target: targetMatrix)
        var lossGradient = Matrix<Double>(rows: 0, columns: 0)
        loss.gradient(prediction: output, target: targetMatrix, into: &lossGradient)
        lossSlope = lossGradient.storage[0]
        model.backward(input: x, outputGradient: lossGradient)

        // ∂L/∂(output of layer i): the next layer's input gradient, or the loss slope.
        func gradientAtOutput(of index: Int) -> Matrix<Double> {
            index == model.layers.count - 1 ? lossGradient : model.inputGradients[index + 1]
        }

        nodes = []
        weights = []
        var denseNumber = 0
        for (index, layer) in model.layers.enumerated() {
            guard let dense = layer as? Dense<Double> else { continue }
            denseNumber += 1
            let feeding = index == 0 ? x : model.outputs[index - 1]
            let preActivation = model.outputs[index]
            let activation = index + 1 < model.layers.count ? (model.layers[index + 1] as? any ElementwiseLayer)?.activation : nil
            let nodeOutputIndex = activation == nil ? index : index + 1
            let postActivation = model.outputs[nodeOutputIndex]
            let lossSlopes = gradientAtOutput(of: nodeOutputIndex)
            for unit in 0..<dense.units {
                let z = preActivation.storage[unit]
                let slope = activation?.slope(input: z, output: postActivation.storage[unit]) ?? 1
                nodes.append(NodeValue(
                    name: "layer\(denseNumber) node\(unit + 1)", preActivation: z,
                    activation: activation.map { type(of: $0).name } ?? "identity", output: postActivation.storage[unit]))
                for source in 0...dense.inputSize {
                    let isBias = source == dense.inputSize
                    let parameter = isBias ? dense.bias : dense.weight
                    let position = isBias ? unit : unit * dense.inputSize + source
                    let feedingValue = isBias ? 1 : feeding.storage[source]
                    let gradient = feedingValue * slope * lossSlopes.storage[unit]
                    let value = parameter.value.storage[position]
                    weights.append(WeightStep(
                        name: isBias ? "b\(denseNumber)[\(unit + 1)]" : "w\(denseNumber)[\(unit + 1),\(source + 1)]",
                        value: value, feedingValue: feedingValue, activationSlope: slope,
                        lossSlope: lossSlopes.storage[unit], gradient: gradient,
                        backpropGradient: parameter.gradient.storage[position],
                        updated: value - learningRate * gradient))
                }
            }
        }
        for parameter in model.parameters {
            for position in parameter.value.storage.indices {
                parameter.value.storage[position] -= learningRate * parameter.gradient.storage[position]
            }
        }
        lossAfterUpdate = loss.value(prediction: model.forward(x, training: true), target: targetMatrix)
    }
}
