import RealModule

/// Adagrad (Duchi et al. 2011), exactly as torch.optim.Adagrad:
///
///     g = ∇ + weight_decay · w
///     s = s + g²
///     w = w − lr_t · g / (√s + eps),   lr_t = lr / (1 + (t − 1) · lr_decay)
///
/// Defaults: lr 0.01, eps 1e-10, initial accumulator 0.
public final class Adagrad<Scalar: BLASScalar>: Optimizer {
    public var learningRate: Double
    public let learningRateDecay: Double
    public let epsilon: Double
    public let weightDecay: Double
    public let initialAccumulator: Double
    private var sum = StateBuffer<Scalar>("sum")
    private var steps = 0

    public init(learningRate: Double = 0.01, learningRateDecay: Double = 0, epsilon: Double = 1e-10,
                weightDecay: Double = 0, initialAccumulator: Double = 0) throws {
        try checkHyperparameter(learningRate > 0, "adagrad: lr must be > 0, got \(learningRate)")
        try checkHyperparameter(learningRateDecay >= 0, "adagrad: lr_decay must be >= 0")
        try checkHyperparameter(epsilon >= 0, "adagrad: eps must be >= 0")
        try checkHyperparameter(weightDecay >= 0, "adagrad: weight_decay must be >= 0")
        try checkHyperparameter(initialAccumulator >= 0, "adagrad: initial_accumulator_value must be >= 0")
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.initialAccumulator = initialAccumulator
    }

    public var kind: String { "adagrad" }
    public var description: String {
        "adagrad(lr: \(learningRate), lr_decay: \(learningRateDecay), eps: \(epsilon), weight_decay: \(weightDecay))"
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(_ parameters: [Parameter<Scalar>]) {
        if steps == 0 {
            sum.prepare(for: parameters)
            sum.values = sum.values.map { $0.map { _ in Scalar(initialAccumulator) } }
        }
        steps += 1
        let clr = Scalar(learningRate / (1 + Double(steps - 1) * learningRateDecay))
        let eps = Scalar(epsilon), decay = Scalar(weightDecay)
        for (index, parameter) in parameters.enumerated() {
            parameter.value.storage.withUnsafeMutableBufferPointer { w in
                parameter.gradient.storage.withUnsafeBufferPointer { gradient in
                    sum.values[index].withUnsafeMutableBufferPointer { s in
                        for i in w.indices {
                            let g = gradient[i] + decay * w[i]
                            s[i] += g * g
                            w[i] -= clr * g / (Scalar.sqrt(s[i]) + eps)
                        }
                    }
                }
            }
        }
    }

    public func saveState() -> OptimizerState { makeState(step: steps, [sum]) }

    public func restoreState(_ state: OptimizerState) throws {
        try requireKind(state)
        if state.step > 0 { try sum.restore(from: state) }
        steps = state.step
    }
}
