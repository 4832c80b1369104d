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
public final class SGD<Scalar: BLASScalar>: Optimizer {
    public var learningRate: Double
    public let momentum: Double
    public let dampening: Double
    public let nesterov: Bool
    public let weightDecay: Double
    private var buffer = StateBuffer<Scalar>("momentum_buffer")
    private var steps = 0

    public init(learningRate: Double, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false, weightDecay: Double = 0) throws {
        try checkHyperparameter(learningRate > 0, "sgd: lr must be > 0, got \(learningRate)")
        try checkHyperparameter(momentum >= 0, "sgd: momentum must be >= 0, got \(momentum)")
        try checkHyperparameter(weightDecay >= 0, "sgd: weight_decay must be >= 0, got \(weightDecay)")
        try checkHyperparameter(!nesterov || (momentum > 0 && dampening == 0),
                                "sgd: nesterov needs momentum > 0 and dampening 0")
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public var kind: String { "sgd" }
    public var description: String {
        "sgd(lr: \(learningRate), momentum: \(momentum), dampening: \(dampening), nesterov: \(nesterov), weight_decay: \(weightDecay))"
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(_ parameters: [Parameter<Scalar>]) {
        let lr = Scalar(learningRate), mu = Scalar(momentum), decay = Scalar(weightDecay)
        let keep = Scalar(1 - dampening)
        let first = steps == 0
        if momentum > 0 { buffer.prepare(for: parameters) }
        for (index, parameter) in parameters.enumerated() {
            parameter.value.storage.withUnsafeMutableBufferPointer { w in
                parameter.gradient.storage.withUnsafeBufferPointer { gradient in
                    guard momentum > 0 else {
                        for i in w.indices { w[i] -= lr * (gradient[i] + decay * w[i]) }
                        return
                    }
                    buffer.values[index].withUnsafeMutableBufferPointer { b in
                        for i in w.indices {
                            let g = gradient[i] + decay * w[i]
                            b[i] = first ? g : mu * b[i] + keep * g
                            w[i] -= lr * (nesterov ? g + mu * b[i] : b[i])
                        }
                    }
                }
            }
        }
        steps += 1
    }

    public func saveState() -> OptimizerState { makeState(step: steps, momentum > 0 ? [buffer] : []) }

    public func restoreState(_ state: OptimizerState) throws {
        try requireKind(state)
        if momentum > 0 && state.step > 0 { try buffer.restore(from: state) }
        steps = state.step
    }
}
