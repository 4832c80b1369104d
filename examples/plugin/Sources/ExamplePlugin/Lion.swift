import Backprop

/// Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"):
/// the sign of an interpolated momentum,
///
///     c = β1·m + (1 − β1)·g
///     w = w − lr·(sign(c) + weight_decay·w)
///     m = β2·m + (1 − β2)·g
///
/// Its decay lr·weight_decay·w is decoupled: the driver shrinks w first.
public struct Lion: OptimizerRule {
    public static let name = "lion"
    public static let summary = "sign of interpolated momentum (Chen et al. 2023)"
    public let learningRate: Double
    public let betas: [Double]
    public let weightDecay: WeightDecay

    public init(settings: Settings) throws {
        learningRate = try settings.double("lr", default: 1e-4, .positive)
        betas = try settings.doubles("betas", default: [0.9, 0.99], count: 2, .unitInterval)
        weightDecay = .decoupled(try settings.double("weight_decay", default: 0, .nonNegative))
    }

    public var stateNames: [String] { ["exp_avg"] }
    public var description: String { "lion(lr: \(learningRate), betas: \(betas), weight_decay: \(weightDecay.rate))" }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        let w = parameter.values, m = parameter.state(0)
        let lr = Scalar(parameter.learningRate), beta1 = Scalar(betas[0]), beta2 = Scalar(betas[1])
        for i in w.indices {
            let g = parameter.gradient(i)
            let c = beta1 * m[i] + (1 - beta1) * g
            w[i] -= lr * (c > 0 ? 1 : c < 0 ? -1 : 0)
            m[i] = beta2 * m[i] + (1 - beta2) * g
        }
    }
}
