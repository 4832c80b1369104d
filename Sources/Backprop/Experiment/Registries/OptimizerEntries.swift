/// Optimizers by name, with torch.optim's setting names and defaults.
func registerBuiltInOptimizers(in registry: Registry<any OptimizerSpec>) {
    registry.register("sgd", summary: "gradient descent (batch, stochastic or mini-batch by `batch`), optional momentum/Nesterov") { settings in
        try sgd(settings, defaultMomentum: 0)
    }
    registry.register("momentum", summary: "sgd with momentum 0.9 by default") { settings in
        try sgd(settings, defaultMomentum: 0.9)
    }
    registry.register("rmsprop", summary: "divides by a running RMS of gradients") { settings in
        OptimizerChoice.rmsprop(
            lr: try settings.double("lr", default: 0.01, .positive), alpha: try settings.double("alpha", default: 0.99, .unitInterval),
            eps: try settings.double("eps", default: 1e-8, .nonNegative), momentum: try settings.double("momentum", default: 0, .nonNegative),
            centered: try settings.bool("centered", default: false), weightDecay: try settings.double("weight_decay", default: 0, .nonNegative))
    }
    registry.register("adam", summary: "bias-corrected first and second moments (Kingma & Ba)") { settings in
        try adam(settings, defaultWeightDecay: 0, decoupled: false)
    }
    registry.register("adamw", summary: "Adam with decoupled weight decay (Loshchilov & Hutter)") { settings in
        try adam(settings, defaultWeightDecay: 0.01, decoupled: true)
    }
    registry.register("adagrad", summary: "divides by the root of the summed squared gradients") { settings in
        OptimizerChoice.adagrad(
            lr: try settings.double("lr", default: 0.01, .positive), lrDecay: try settings.double("lr_decay", default: 0, .nonNegative),
            eps: try settings.double("eps", default: 1e-10, .nonNegative), weightDecay: try settings.double("weight_decay", default: 0, .nonNegative),
            initialAccumulator: try settings.double("initial_accumulator_value", default: 0, .nonNegative))
    }
}

private func sgd(_ settings: Settings, defaultMomentum: Double) throws -> OptimizerChoice {
    let lr = try settings.double("lr", default: nil, .positive)
    let momentum = try settings.double("momentum", default: defaultMomentum, .nonNegative)
    let dampening = try settings.double("dampening", default: 0, .probability)
    let nesterov = try settings.bool("nesterov", default: false)
    let weightDecay = try settings.double("weight_decay", default: 0, .nonNegative)
    if nesterov && (momentum == 0 || dampening != 0) {
        throw settings.problem("nesterov", "nesterov needs momentum > 0 and dampening 0")
    }
    return .sgd(lr: lr, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weightDecay)
}

private func adam(_ settings: Settings, defaultWeightDecay: Double, decoupled: Bool) throws -> OptimizerChoice {
    let lr = try settings.double("lr", default: 1e-3, .positive)
    let betas = try settings.doubles("betas", default: [0.9, 0.999], count: 2, .unitInterval)
    let eps = try settings.double("eps", default: 1e-8, .nonNegative)
    let weightDecay = try settings.double("weight_decay", default: defaultWeightDecay, .nonNegative)
    let amsgrad = try settings.bool("amsgrad", default: false)
    return .adam(lr: lr, beta1: betas[0], beta2: betas[1], eps: eps, weightDecay: weightDecay, amsgrad: amsgrad, decoupled: decoupled)
}

enum OptimizerChoice: OptimizerSpec {
    case sgd(lr: Double, momentum: Double, dampening: Double, nesterov: Bool, weightDecay: Double)
    case rmsprop(lr: Double, alpha: Double, eps: Double, momentum: Double, centered: Bool, weightDecay: Double)
    case adam(lr: Double, beta1: Double, beta2: Double, eps: Double, weightDecay: Double, amsgrad: Bool, decoupled: Bool)
    case adagrad(lr: Double, lrDecay: Double, eps: Double, weightDecay: Double, initialAccumulator: Double)

    func makeOptimizer<Scalar: BLASScalar>(as scalar: Scalar.Type) throws -> any Optimizer<Scalar> {
        switch self {
        case let .sgd(lr, momentum, dampening, nesterov, weightDecay):
            return try SGD<Scalar>(learningRate: lr, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weightDecay)
        case let .rmsprop(lr, alpha, eps, momentum, centered, weightDecay):
            return try RMSprop<Scalar>(learningRate: lr, alpha: alpha, epsilon: eps, momentum: momentum, centered: centered, weightDecay: weightDecay)
        case let .adam(lr, beta1, beta2, eps, weightDecay, amsgrad, decoupled):
            return try Adam<Scalar>(learningRate: lr, betas: (beta1, beta2), epsilon: eps, weightDecay: decoupled ? 0 : weightDecay,
                                    amsgrad: amsgrad, decoupledWeightDecay: decoupled ? weightDecay : 0)
        case let .adagrad(lr, lrDecay, eps, weightDecay, initialAccumulator):
            return try Adagrad<Scalar>(learningRate: lr, learningRateDecay: lrDecay, epsilon: eps, weightDecay: weightDecay,
                                       initialAccumulator: initialAccumulator)
        }
    }

    var description: String {
        (try? makeOptimizer(as: Double.self).description) ?? "optimizer"
    }
}
