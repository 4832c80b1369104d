/// The lesson's worked example: one sample through a small network, forward
/// and backward, showing for every weight the three factors of its gradient.
///
/// For a weight w feeding node j from a value a (the node feeding the weight):
/// `∂L/∂w = a · f'(z_j) · ∂L/∂(f(z_j))` — the value feeding the weight, the slope
/// of the activation at the node it feeds, and the slope of the loss with respect
/// to that node's output. The product is checked against the gradient that
/// `Sequential.backward` computes, so the two views of the chain rule agree.
public struct WorkedExample: Sendable {
    public struct WeightStep: Sendable {
        public var name: String
        public var value: Double
        public var feedingValue: Double
        public var activationSlope: Double
        public var lossSlope: Double
        public var gradient: Double
        public var backpropGradient: Double
        public var updated: Double
    }

    public struct NodeValue: Sendable {
        public var name: String
        public var preActivation: Double
        public var activation: String
        public var output: Double
    }

    public var input: [Double]
    public var target: Double
    public var learningRate: Double
    public var nodes: [NodeValue]
    public var prediction: Double
    public var loss: Double
    public var lossSlope: Double
    public var weights: [WeightStep]
    public var lossAfterUpdate: Double

    /// input 2 → two ReLU hidden units → linear output; prediction 7 for target 4
    /// (error 3). The second hidden unit is switched off (z < 0), so its weights
    /// get no gradient: the ReLU's slope there is zero.
    public static func lessonModel() -> Sequential<Double> {
        Sequential(inputSize: 1, layers: [
            Dense(weight: Matrix([[1.5], [-0.5]]), bias: [0.5, 0]),
            ReLU(),
            Dense(weight: Matrix([[2, 1]]), bias: [0]),
        ])
    }

    public enum Problem: Error, CustomStringConvertible {
        case unsupportedLayer(String)
        case shape(String)
        public var description: String {
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
    public init(model: Sequential<Double>, input: [Double], target: Double, learningRate: Double) throws {
        guard input.count == model.inputSize else {
            throw Problem.shape("the model takes \(model.inputSize) input(s), got \(input.count)")
        }
        guard model.outputSize == 1 else {
            throw Problem.shape("explain needs a model with one output, this one has \(model.outputSize)")
        }
        for layer in model.layers where !(layer is Dense<Double>) && !(layer is any Activation) {
            throw Problem.unsupportedLayer(layer.kind)
        }
        self.input = input
        self.target = target
        self.learningRate = learningRate
        let x = Matrix(rows: 1, columns: input.count, storage: input)
        let loss = MeanSquaredError<Double>()
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
            let activation = index + 1 < model.layers.count ? model.layers[index + 1] as? any Activation : nil
            let nodeOutputIndex = activation == nil ? index : index + 1
            let postActivation = model.outputs[nodeOutputIndex]
            let lossSlopes = gradientAtOutput(of: nodeOutputIndex)
            for unit in 0..<dense.units {
                let z = preActivation.storage[unit]
                let slope = activation.map { Self.activationSlope($0, z: z, output: postActivation.storage[unit]) } ?? 1
                nodes.append(NodeValue(
                    name: "layer\(denseNumber) node\(unit + 1)", preActivation: z,
                    activation: activation?.kind ?? "identity", output: postActivation.storage[unit]))
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

    private static func activationSlope(_ activation: any Activation, z: Double, output: Double) -> Double {
        func slope<A: Activation>(_ typed: A) -> Double {
            Double(typed.slope(input: A.Scalar(z), output: A.Scalar(output)))
        }
        return slope(activation)
    }

    /// The walk-through as text for a terminal.
    public func render() -> String {
        func number(_ value: Double) -> String { formatNumber(value) }
        var lines: [String] = []
        lines.append("Worked example: one sample, squared error L = (ŷ − t)², learning rate \(number(learningRate))")
        lines.append("")
        lines.append("Forward pass (input x = [\(input.map(number).joined(separator: ", "))]):")
        for node in nodes {
            lines.append("  \(node.name): z = \(number(node.preActivation)), \(node.activation)(z) = \(number(node.output))")
        }
        lines.append("  prediction ŷ = \(number(prediction)), target t = \(number(target)), error ŷ − t = \(number(prediction - target))")
        lines.append("  loss L = (ŷ − t)² = \(number(loss))")
        lines.append("  slope of the loss at the output: ∂L/∂ŷ = 2(ŷ − t) = \(number(lossSlope))")
        lines.append("")
        lines.append("Backward pass: ∂L/∂w = (value feeding w) × (slope of the activation at the node w feeds) × (∂L/∂ that node's output)")
        let header = ["weight", "value", "feeding value", "activation slope", "∂L/∂node", "gradient", "updated weight"]
        let rows = weights.map { step in
            [step.name, number(step.value), number(step.feedingValue), number(step.activationSlope),
             number(step.lossSlope), number(step.gradient), number(step.updated)]
        }
        lines.append(contentsOf: TextTable.render(header: header, rows: rows).map { "  " + $0 })
        let agreement = weights.map { GradientCheck.relativeError($0.gradient, $0.backpropGradient) }.max() ?? 0
        lines.append("")
        lines.append("The products agree with backpropagation's gradients (largest relative difference \(number(agreement))).")
        lines.append("After one step w ← w − \(number(learningRate)) · ∂L/∂w the loss goes from \(number(loss)) to \(number(lossAfterUpdate)).")
        return lines.joined(separator: "\n")
    }
}

/// Up to 6 significant digits, without trailing noise (`0.21`, not `0.21000000000000002`).
public func formatNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value.isNaN || value.isInfinite { return "\(value)" }
    let magnitude = abs(value)
    if magnitude >= 1e6 || magnitude < 1e-4 {
        return format6Exponent(value, digits: 6)
    }
    var text = String(Double((value * 1e6).rounded()) / 1e6)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

/// `digits` significant digits: 0.0213061 -> "0.02131", 290.5 -> "290.5", 12345.6 -> "12346".
public func formatSignificant(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite, value != 0 else { return formatNumber(value) }
    let magnitude = Int((abs(value)).log10Floor)
    if magnitude < -4 || magnitude >= 9 { return format6Exponent(value, digits: digits) }
    let decimals = max(0, digits - 1 - magnitude)
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    var text = String((value * scale).rounded() / scale)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

private extension Double {
    /// ⌊log10 |x|⌋ without Foundation.
    var log10Floor: Double {
        var exponent = 0.0
        var mantissa = Swift.abs(self)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        return exponent
    }
}

/// Scientific notation with `digits` significant digits: 6.436e-5.
private func format6Exponent(_ value: Double, digits: Int) -> String {
    var exponent = 0
    var mantissa = abs(value)
    while mantissa >= 10 { mantissa /= 10; exponent += 1 }
    while mantissa < 1 { mantissa *= 10; exponent -= 1 }
    var scale = 1.0
    for _ in 1..<max(digits, 1) { scale *= 10 }
    var text = String((mantissa * scale).rounded() / scale)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return "\(value < 0 ? "-" : "")\(text)e\(exponent)"
}
