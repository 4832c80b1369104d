import RealModule

/// Adam (Kingma & Ba 2015), exactly as torch.optim.Adam, with optional AMSGrad
/// (Reddi et al. 2018) and coupled L2 weight decay:
///
///     g = ∇ + weight_decay · w
///     m = β1 · m + (1 − β1) · g
///     v = β2 · v + (1 − β2) · g²
///     amsgrad: v̂ = max(v̂, v), used in place of v
///     w = w − lr · (m / (1 − β1ᵗ)) / (√v / √(1 − β2ᵗ) + eps)
///
/// Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8. `AdamW` reuses this rule
/// with decoupled decay.
public final class Adam<Scalar: BLASScalar>: Optimizer {
    public var learningRate: Double
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let weightDecay: Double
    public let amsgrad: Bool
    /// AdamW: shrink weights by (1 − lr · decoupledWeightDecay) before the Adam step.
    public let decoupledWeightDecay: Double
    private var firstMoment = StateBuffer<Scalar>("exp_avg")
    private var secondMoment = StateBuffer<Scalar>("exp_avg_sq")
    private var maxSecondMoment = StateBuffer<Scalar>("max_exp_avg_sq")
    private var steps = 0

    public init(learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), epsilon: Double = 1e-8,
                weightDecay: Double = 0, amsgrad: Bool = false, decoupledWeightDecay: Double = 0) throws {
        let name = decoupledWeightDecay > 0 ? "adamw" : "adam"
        try checkHyperparameter(learningRate > 0, "\(name): lr must be > 0, got \(learningRate)")
        try checkHyperparameter(betas.0 >= 0 && betas.0 < 1, "\(name): betas[0] must be in [0, 1), got \(betas.0)")
        try checkHyperparameter(betas.1 >= 0 && betas.1 < 1, "\(name): betas[1] must be in [0, 1), got \(betas.1)")
        try checkHyperparameter(epsilon >= 0, "\(name): eps must be >= 0, got \(epsilon)")
        try checkHyperparameter(weightDecay >= 0 && decoupledWeightDecay >= 0, "\(name): weight_decay must be >= 0")
        self.learningRate = learningRate
        self.beta1 = betas.0
        self.beta2 = betas.1
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    public var kind: String { decoupledWeightDecay > 0 ? "adamw" : "adam" }
    public var description: String {
        let decay = decoupledWeightDecay > 0 ? decoupledWeightDecay : weightDecay
        return "\(kind)(lr: \(learningRate), betas: [\(beta1), \(beta2)], eps: \(epsilon), weight_decay: \(decay), amsgrad: \(amsgrad))"
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(_ parameters: [Parameter<Scalar>]) {
        steps += 1
        let b1 = Scalar(beta1), b2 = Scalar(beta2), eps = Scalar(epsilon), decay = Scalar(weightDecay)
        let stepSize = Scalar(learningRate / (1 - Double.pow(beta1, steps)))
        let correction2Root = Scalar(Double.sqrt(1 - Double.pow(beta2, steps)))
        let shrink = Scalar(1 - learningRate * decoupledWeightDecay)
        firstMoment.prepare(for: parameters)
        secondMoment.prepare(for: parameters)
        maxSecondMoment.prepare(for: amsgrad ? parameters : [])
        for (index, parameter) in parameters.enumerated() {
            parameter.value.storage.withUnsafeMutableBufferPointer { w in
                parameter.gradient.storage.withUnsafeBufferPointer { gradient in
                    firstMoment.values[index].withUnsafeMutableBufferPointer { m in
                        secondMoment.values[index].withUnsafeMutableBufferPointer { v in
                            for i in w.indices {
                                if decoupledWeightDecay > 0 { w[i] *= shrink }
                                let g = gradient[i] + decay * w[i]
                                m[i] = b1 * m[i] + (1 - b1) * g
                                v[i] = b2 * v[i] + (1 - b2) * g * g
                                var second = v[i]
                                if amsgrad {
                                    maxSecondMoment.values[index][i] = Swift.max(maxSecondMoment.values[index][i], v[i])
                                    second = maxSecondMoment.values[index][i]
                                }
                                w[i] -= stepSize * m[i] / (Scalar.sqrt(second) / correction2Root + eps)
                            }
                        }
                    }
                }
            }
        }
    }

    public func saveState() -> OptimizerState {
        makeState(step: steps, [firstMoment, secondMoment] + (amsgrad ? [maxSecondMoment] : []))
    }

    public func restoreState(_ state: OptimizerState) throws {
        try requireKind(state)
        if state.step > 0 {
            try firstMoment.restore(from: state)
            try secondMoment.restore(from: state)
            if amsgrad { try maxSecondMoment.restore(from: state) }
        }
        steps = state.step
    }
}
