import RealModule
import BackpropCore

/// Adagrad (Duchi et al. 2011), exactly as torch.optim.Adagrad:
///
///     g = ∇ + weight_decay · w
///     s = s + g²                    (s starts at initial_accumulator_value)
///     w = w − lr_t · g / (√s + eps),   lr_t = lr / (1 + (t − 1) · lr_decay)
package struct Adagrad: OptimizerRule {
    package static let name = "adagrad"
    package static let summary = "divides by the root of the summed squared gradients"

    package let learningRate: Double
    package let learningRateDecay: Double
    package let epsilon: Double
    package let weightDecay: WeightDecay
    package let initialState: Double

    package init(settings: Settings) throws {
        learningRate = try settings.double("lr", default: 0.01, .positive)
        learningRateDecay = try settings.double("lr_decay", default: 0, .nonNegative)
        epsilon = try settings.double("eps", default: 1e-10, .nonNegative)
        weightDecay = .coupled(try settings.double("weight_decay", default: 0, .nonNegative))
        initialState = try settings.double("initial_accumulator_value", default: 0, .nonNegative)
    }

    package var stateNames: [String] { ["sum"] }

    package var description: String {
        "adagrad(lr: \(learningRate), lr_decay: \(learningRateDecay), eps: \(epsilon), weight_decay: \(weightDecay.rate))"
    }

    package func update(float parameter: ParameterUpdate<Float>) { update(parameter) }
    package func update(double parameter: ParameterUpdate<Double>) { update(parameter) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        let eps = Scalar(epsilon)
        let rate = Scalar(parameter.learningRate / (1 + Double(parameter.step - 1) * learningRateDecay))
        var lanes = parameter.lanes(states: 1)
        while lanes.next() {
            let g = lanes.g
            lanes.state.0 += g * g
            lanes.w -= rate * g / (Scalar.squareRoot(lanes.state.0) + eps)
        }
    }
}
