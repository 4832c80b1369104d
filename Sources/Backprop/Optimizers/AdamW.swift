/// AdamW (Loshchilov & Hutter 2019), exactly as torch.optim.AdamW: weight decay
/// decoupled from the gradient,
///
///     w = w · (1 − lr · weight_decay)
///
/// then the Adam step with no coupled decay. Default weight_decay 0.01.
public enum AdamW {
    public static func make<Scalar: BLASScalar>(
        learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), epsilon: Double = 1e-8,
        weightDecay: Double = 0.01, amsgrad: Bool = false, scalar: Scalar.Type = Scalar.self
    ) throws -> Adam<Scalar> {
        try Adam(learningRate: learningRate, betas: betas, epsilon: epsilon, weightDecay: 0,
                 amsgrad: amsgrad, decoupledWeightDecay: weightDecay)
    }
}
