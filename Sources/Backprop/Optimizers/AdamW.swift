/// AdamW (Loshchilov & Hutter 2019), exactly as torch.optim.AdamW: weight decay
/// decoupled from the gradient,
///
///     w = w · (1 − lr · weight_decay)
///
/// then the Adam step with no coupled decay (the driver applies the shrink).
/// Default weight_decay 0.01; the other settings are Adam's.
public struct AdamW: OptimizerRule {
    public static let name = "adamw"
    public static let summary = "Adam with decoupled weight decay (Loshchilov & Hutter)"

    public let adam: Adam

    public init(settings: Settings) throws {
        adam = try Adam(settings: settings, weightDecay: WeightDecay.decoupled, defaultWeightDecay: 0.01)
    }

    public var learningRate: Double { adam.learningRate }
    public var weightDecay: WeightDecay { adam.weightDecay }
    public var stateNames: [String] { adam.stateNames }
    public var description: String { adam.describe(as: Self.name) }

    public func update(float parameter: ParameterUpdate<Float>) { update(parameter) }
    public func update(double parameter: ParameterUpdate<Double>) { update(parameter) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        adam.update(parameter)
    }
}
