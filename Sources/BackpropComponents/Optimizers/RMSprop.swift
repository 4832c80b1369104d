import RealModule
import BackpropCore

/// RMSprop (Hinton, Coursera lecture 6e), exactly as torch.optim.RMSprop:
///
///     g = ∇ + weight_decay · w
///     v = alpha · v + (1 − alpha) · g²
///     centered:  a = alpha · a + (1 − alpha) · g,  ṽ = v − a²   else ṽ = v
///     momentum:  b = momentum · b + g / (√ṽ + eps),  w = w − lr · b
///     otherwise: w = w − lr · g / (√ṽ + eps)
package struct RMSprop: OptimizerRule {
    package static let name = "rmsprop"
    package static let summary = "divides by a running RMS of gradients"

    package let learningRate: Double
    package let alpha: Double
    package let epsilon: Double
    package let momentum: Double
    package let centered: Bool
    package let weightDecay: WeightDecay
    package let description: String

    package init(settings: Settings) throws {
        learningRate = try settings.double("lr", default: 0.01, .positive)
        alpha = try settings.double("alpha", default: 0.99, .unitInterval)
        epsilon = try settings.double("eps", default: 1e-8, .nonNegative)
        momentum = try settings.double("momentum", default: 0, .nonNegative)
        centered = try settings.bool("centered", default: false)
        weightDecay = .coupled(try settings.double("weight_decay", default: 0, .nonNegative))
        description = settings.described(as: Self.name)
    }

    /// v always; a when centered; b with momentum (so b is state 1 or 2).
    package var stateNames: [String] {
        ["square_avg"] + (centered ? ["grad_avg"] : []) + (momentum > 0 ? ["momentum_buffer"] : [])
    }

    package func update(float parameter: ParameterUpdate<Float>) { update(parameter) }
    package func update(double parameter: ParameterUpdate<Double>) { update(parameter) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        let lr = Scalar(parameter.learningRate), a = Scalar(alpha), eps = Scalar(epsilon), mu = Scalar(momentum)
        let centered = centered, hasMomentum = momentum > 0
        // State order: v, then a when centered, then b with momentum (see stateNames).
        var lanes = parameter.lanes(states: 1 + (centered ? 1 : 0) + (hasMomentum ? 1 : 0))
        while lanes.next() {
            let g = lanes.g
            let v = a * lanes.state.0 + (1 - a) * g * g
            lanes.state.0 = v
            var denominator: Lanes<Scalar>
            if centered {
                let average = a * lanes.state.1 + (1 - a) * g
                lanes.state.1 = average
                denominator = Scalar.squareRoot(v - average * average) + eps
            } else {
                denominator = Scalar.squareRoot(v) + eps
            }
            if hasMomentum {
                let b = mu * (centered ? lanes.state.2 : lanes.state.1) + g / denominator
                if centered { lanes.state.2 = b } else { lanes.state.1 = b }
                lanes.w -= lr * b
            } else {
                lanes.w -= lr * g / denominator
            }
        }
    }
}
