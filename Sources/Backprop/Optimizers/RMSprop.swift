import RealModule

/// RMSprop (Hinton, Coursera lecture 6e), exactly as torch.optim.RMSprop:
///
///     g = ∇ + weight_decay · w
///     v = alpha · v + (1 − alpha) · g²
///     centered:  a = alpha · a + (1 − alpha) · g,  ṽ = v − a²   else ṽ = v
///     momentum:  b = momentum · b + g / (√ṽ + eps),  w = w − lr · b
///     otherwise: w = w − lr · g / (√ṽ + eps)
///
/// Defaults: lr 0.01, alpha 0.99, eps 1e-8.
public final class RMSprop<Scalar: BLASScalar>: Optimizer {
    public var learningRate: Double
    public let alpha: Double
    public let epsilon: Double
    public let momentum: Double
    public let centered: Bool
    public let weightDecay: Double
    private var squareAverage = StateBuffer<Scalar>("square_avg")
    private var gradientAverage = StateBuffer<Scalar>("grad_avg")
    private var momentumBuffer = StateBuffer<Scalar>("momentum_buffer")
    private var steps = 0

    public init(learningRate: Double = 0.01, alpha: Double = 0.99, epsilon: Double = 1e-8, momentum: Double = 0,
                centered: Bool = false, weightDecay: Double = 0) throws {
        try checkHyperparameter(learningRate > 0, "rmsprop: lr must be > 0, got \(learningRate)")
        try checkHyperparameter(alpha >= 0 && alpha < 1, "rmsprop: alpha must be in [0, 1), got \(alpha)")
        try checkHyperparameter(epsilon >= 0, "rmsprop: eps must be >= 0, got \(epsilon)")
        try checkHyperparameter(momentum >= 0, "rmsprop: momentum must be >= 0, got \(momentum)")
        try checkHyperparameter(weightDecay >= 0, "rmsprop: weight_decay must be >= 0, got \(weightDecay)")
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
    }

    public var kind: String { "rmsprop" }
    public var description: String {
        "rmsprop(lr: \(learningRate), alpha: \(alpha), eps: \(epsilon), momentum: \(momentum), centered: \(centered), weight_decay: \(weightDecay))"
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(_ parameters: [Parameter<Scalar>]) {
        let lr = Scalar(learningRate), a = Scalar(alpha), eps = Scalar(epsilon)
        let mu = Scalar(momentum), decay = Scalar(weightDecay)
        squareAverage.prepare(for: parameters)
        gradientAverage.prepare(for: centered ? parameters : [])
        momentumBuffer.prepare(for: momentum > 0 ? parameters : [])
        for (index, parameter) in parameters.enumerated() {
            parameter.value.storage.withUnsafeMutableBufferPointer { w in
                parameter.gradient.storage.withUnsafeBufferPointer { gradient in
                    squareAverage.values[index].withUnsafeMutableBufferPointer { v in
                        for i in w.indices {
                            let g = gradient[i] + decay * w[i]
                            v[i] = a * v[i] + (1 - a) * g * g
                            var denominator: Scalar
                            if centered {
                                gradientAverage.values[index][i] = a * gradientAverage.values[index][i] + (1 - a) * g
                                let average = gradientAverage.values[index][i]
                                denominator = Scalar.sqrt(v[i] - average * average) + eps
                            } else {
                                denominator = Scalar.sqrt(v[i]) + eps
                            }
                            if momentum > 0 {
                                momentumBuffer.values[index][i] = mu * momentumBuffer.values[index][i] + g / denominator
                                w[i] -= lr * momentumBuffer.values[index][i]
                            } else {
                                w[i] -= lr * g / denominator
                            }
                        }
                    }
                }
            }
        }
        steps += 1
    }

    public func saveState() -> OptimizerState {
        makeState(step: steps, [squareAverage] + (centered ? [gradientAverage] : []) + (momentum > 0 ? [momentumBuffer] : []))
    }

    public func restoreState(_ state: OptimizerState) throws {
        try requireKind(state)
        if state.step > 0 {
            try squareAverage.restore(from: state)
            if centered { try gradientAverage.restore(from: state) }
            if momentum > 0 { try momentumBuffer.restore(from: state) }
        }
        steps = state.step
    }
}
