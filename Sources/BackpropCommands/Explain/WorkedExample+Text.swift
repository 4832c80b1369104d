import BackpropOutput

extension WorkedExample {
    /// The walk-through as text for a terminal.
    package func render() -> String {
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
