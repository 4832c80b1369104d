/// Losses by name; means as PyTorch's default reductions.
func registerBuiltInLosses(in registry: Registry<any LossSpec>) {
    registry.register("mse", summary: "mean squared error over all elements") { _ in LossChoice.mse }
    registry.register("huber", summary: "½d² for |d| < delta, else delta·(|d| − ½delta)") { settings in
        LossChoice.huber(delta: try settings.double("delta", default: 1, .positive))
    }
    registry.register("bce", summary: "binary cross-entropy on probabilities (after a sigmoid)") { _ in LossChoice.bce }
    registry.register("bce_with_logits", summary: "binary cross-entropy on raw scores, computed stably") { _ in LossChoice.bceWithLogits }
    registry.register("softmax_cross_entropy", summary: "cross-entropy on logits with integer class labels (stable log-sum-exp)") { _ in
        LossChoice.softmaxCrossEntropy
    }
}

enum LossChoice: LossSpec {
    case mse, bce, bceWithLogits, softmaxCrossEntropy
    case huber(delta: Double)

    func makeLoss<Scalar: BLASScalar>(as scalar: Scalar.Type) -> any Loss<Scalar> {
        switch self {
        case .mse: MeanSquaredError<Scalar>()
        case .bce: BinaryCrossEntropy<Scalar>()
        case .bceWithLogits: BinaryCrossEntropyWithLogits<Scalar>()
        case .softmaxCrossEntropy: SoftmaxCrossEntropy<Scalar>()
        case .huber(let delta): Huber<Scalar>(delta: Scalar(delta))
        }
    }
}
