import BackpropCore

/// AdamW (Loshchilov & Hutter 2019), exactly as torch.optim.AdamW: weight decay
/// decoupled from the gradient,
///
///     w = w · (1 − lr · weight_decay)
///
/// then the Adam step with no coupled decay (the driver applies the shrink).
/// Default weight_decay 0.01; the other settings are Adam's.
package struct AdamW: OptimizerRule {
    package static let name = "adamw"
    package static let summary = "Adam with decoupled weight decay (Loshchilov & Hutter)"

    package let adam: Adam
    package let description: String

    package init(settings: Settings) throws {
        adam = try Adam(settings: settings, weightDecay: WeightDecay.decoupled, defaultWeightDecay: 0.01)
        description = settings.described(as: Self.name)
    }

    package var learningRate: Double { adam.learningRate }
    package var weightDecay: WeightDecay { adam.weightDecay }
    package var stateNames: [String] { adam.stateNames }

    package func update(float parameter: ParameterUpdate<Float>) { update(parameter) }
    package func update(double parameter: ParameterUpdate<Double>) { update(parameter) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        adam.update(parameter)
    }
}
