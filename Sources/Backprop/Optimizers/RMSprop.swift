import RealModule

/// RMSprop (Hinton, Coursera lecture 6e), exactly as torch.optim.RMSprop:
///
///     g = ∇ + weight_decay · w
///     v = alpha · v + (1 − alpha) · g²
///     centered:  a = alpha · a + (1 − alpha) · g,  ṽ = v − a²   else ṽ = v
///     momentum:  b = momentum · b + g / (√ṽ + eps),  w = w − lr · b
///     otherwise: w = w − lr · g / (√ṽ + eps)
public struct RMSprop: OptimizerRule {
    public static let name = "rmsprop"
    public static let summary = "divides by a running RMS of gradients"

    public let learningRate: Double
    public let alpha: Double
    public let epsilon: Double
    public let momentum: Double
    public let centered: Bool
    public let weightDecay: WeightDecay

    public init(settings: Settings) throws {
        learningRate = try settings.double("lr", default: 0.01, .positive)
        alpha = try settings.double("alpha", default: 0.99, .unitInterval)
        epsilon = try settings.double("eps", default: 1e-8, .nonNegative)
        momentum = try settings.double("momentum", default: 0, .nonNegative)
        centered = try settings.bool("centered", default: false)
        weightDecay = .coupled(try settings.double("weight_decay", default: 0, .nonNegative))
    }

    /// v always; a when centered; b with momentum (so b is state 1 or 2).
    public var stateNames: [String] {
        ["square_avg"] + (centered ? ["grad_avg"] : []) + (momentum > 0 ? ["momentum_buffer"] : [])
    }

    public var description: String {
        "rmsprop(lr: \(learningRate), alpha: \(alpha), eps: \(epsilon), momentum: \(momentum), centered: \(centered), weight_decay: \(weightDecay.rate))"
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        let w = parameter.values, lr = Scalar(parameter.learningRate)
        let a = Scalar(alpha), eps = Scalar(epsilon), mu = Scalar(momentum)
        let v = parameter.state(0)
        let average = centered ? parameter.state(1) : v
        let buffer = momentum > 0 ? parameter.state(centered ? 2 : 1) : v
        for i in w.indices {
            let g = parameter.gradient(i)
            v[i] = a * v[i] + (1 - a) * g * g
            var denominator: Scalar
            if centered {
                average[i] = a * average[i] + (1 - a) * g
                denominator = (v[i] - average[i] * average[i]).squareRoot() + eps
            } else {
                denominator = v[i].squareRoot() + eps
            }
            if momentum > 0 {
                buffer[i] = mu * buffer[i] + g / denominator
                w[i] -= lr * buffer[i]
            } else {
                w[i] -= lr * g / denominator
            }
        }
    }
}
