import BackpropCore

/// How an optimizer's `weight_decay` acts, as torch.optim defines it.
public enum WeightDecay: Sendable, Equatable {
    /// L2 regularisation: the rule sees g = ∇ + rate·w (every optimizer but AdamW).
    case coupled(Double)
    /// Decoupled decay: w = w·(1 − lr·rate) before the rule's update, which
    /// sees the plain gradient (AdamW, Loshchilov & Hutter 2019).
    case decoupled(Double)

    public var rate: Double {
        switch self {
        case .coupled(let rate), .decoupled(let rate): return rate
        }
    }
}
