import RealModule
import BackpropCore

/// Adam (Kingma & Ba 2015), exactly as torch.optim.Adam, with optional AMSGrad
/// (Reddi et al. 2018) and coupled L2 weight decay:
///
///     g = ∇ + weight_decay · w
///     m = β1 · m + (1 − β1) · g
///     v = β2 · v + (1 − β2) · g²
///     amsgrad: v̂ = max(v̂, v), used in place of v
///     w = w − lr · (m / (1 − β1ᵗ)) / (√v / √(1 − β2ᵗ) + eps)
///
/// `AdamW` is this rule with decoupled decay.
package struct Adam: OptimizerRule {
    package static let name = "adam"
    package static let summary = "bias-corrected first and second moments (Kingma & Ba)"

    package let learningRate: Double
    package let beta1: Double
    package let beta2: Double
    package let epsilon: Double
    package let weightDecay: WeightDecay
    package let amsgrad: Bool
    package let description: String

    package init(settings: Settings) throws {
        try self.init(settings: settings, weightDecay: WeightDecay.coupled, defaultWeightDecay: 0)
    }

    /// Adam's settings in torch's order; AdamW reads them with decoupled decay.
    package init(settings: Settings, weightDecay decay: (Double) -> WeightDecay, defaultWeightDecay: Double) throws {
        learningRate = try settings.double("lr", default: 1e-3, .positive)
        let betas = try settings.doubles("betas", default: [0.9, 0.999], count: 2, .unitInterval)
        beta1 = betas[0]
        beta2 = betas[1]
        epsilon = try settings.double("eps", default: 1e-8, .nonNegative)
        weightDecay = decay(try settings.double("weight_decay", default: defaultWeightDecay, .nonNegative))
        amsgrad = try settings.bool("amsgrad", default: false)
        description = settings.described(as: Self.name)
    }

    package var stateNames: [String] { ["exp_avg", "exp_avg_sq"] + (amsgrad ? ["max_exp_avg_sq"] : []) }

    package func update(float parameter: ParameterUpdate<Float>) { update(parameter) }
    package func update(double parameter: ParameterUpdate<Double>) { update(parameter) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        let b1 = Scalar(beta1), b2 = Scalar(beta2), eps = Scalar(epsilon)
        let stepSize = Scalar(parameter.learningRate / (1 - Double.pow(beta1, parameter.step)))
        let correction2Root = Scalar(Double.sqrt(1 - Double.pow(beta2, parameter.step)))
        let amsgrad = amsgrad
        var lanes = parameter.lanes(states: amsgrad ? 3 : 2)
        while lanes.next() {
            let g = lanes.g
            let m = b1 * lanes.state.0 + (1 - b1) * g
            let v = b2 * lanes.state.1 + (1 - b2) * g * g
            var denominator = v
            if amsgrad {
                let largest = lanes.state.2
                lanes.state.2 = largest.replacing(with: v, where: v .>= largest)  // Swift.max(largest, v), NaN included
                denominator = lanes.state.2
            }
            lanes.state.0 = m
            lanes.state.1 = v
            lanes.w -= stepSize * m / (Scalar.squareRoot(denominator) / correction2Root + eps)
        }
    }
}
