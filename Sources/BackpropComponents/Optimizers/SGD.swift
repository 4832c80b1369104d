import BackpropCore

/// Stochastic gradient descent with optional momentum, dampening and Nesterov
/// momentum, exactly as torch.optim.SGD:
///
///     g = ∇ + weight_decay · w
///     b = g                                  (first step)
///     b = momentum · b + (1 − dampening) · g (later steps)
///     g = g + momentum · b   if nesterov, else   g = b
///     w = w − lr · g
///
/// With momentum 0 this is plain (batch, stochastic or mini-batch) gradient
/// descent; which one depends only on the batch size the trainer feeds it.
/// Registered twice: as `sgd`, and as `momentum` with momentum 0.9 by default.
package struct SGD: OptimizerRule {
    package static let name = "sgd"
    package static let summary = "gradient descent (batch, stochastic or mini-batch by `batch`), optional momentum/Nesterov"

    package let learningRate: Double
    package let momentum: Double
    package let dampening: Double
    package let nesterov: Bool
    package let weightDecay: WeightDecay
    package let description: String

    package init(settings: Settings) throws {
        learningRate = try settings.double("lr", default: nil, .positive)
        momentum = try settings.double("momentum", default: 0, .nonNegative)
        dampening = try settings.double("dampening", default: 0, .probability)
        nesterov = try settings.bool("nesterov", default: false)
        weightDecay = .coupled(try settings.double("weight_decay", default: 0, .nonNegative))
        description = settings.described(as: Self.name)
        if nesterov && (momentum == 0 || dampening != 0) {
            throw settings.problem("nesterov", "nesterov needs momentum > 0 and dampening 0")
        }
    }

    package var stateNames: [String] { momentum > 0 ? ["momentum_buffer"] : [] }

    package func update(float parameter: ParameterUpdate<Float>) { update(parameter) }
    package func update(double parameter: ParameterUpdate<Double>) { update(parameter) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        let lr = Scalar(parameter.learningRate)
        guard momentum > 0 else {
            var lanes = parameter.lanes(states: 0)
            while lanes.next() { lanes.w -= lr * lanes.g }
            return
        }
        let mu = Scalar(momentum), keep = Scalar(1 - dampening), first = parameter.step == 1, nesterov = nesterov
        var lanes = parameter.lanes(states: 1)
        while lanes.next() {
            let g = lanes.g
            let b = first ? g : mu * lanes.state.0 + keep * g
            lanes.state.0 = b
            lanes.w -= lr * (nesterov ? g + mu * b : b)
        }
    }
}
