/// The Heaviside step, f(x) = 1 for x ≥ 0 else 0: the perceptron's activation.
///
/// Kept as a pitfall to reproduce: its slope is zero everywhere it exists
/// (and undefined at 0), so backpropagation passes no gradient through it and
/// the layers below never learn.
public final class Step<Scalar: BLASScalar>: Activation {
    public init() {}
    public var kind: String { "step" }
    public func value(_ input: Scalar) -> Scalar { input >= 0 ? 1 : 0 }
    public func slope(input: Scalar, output: Scalar) -> Scalar { 0 }
    public var trainingWarning: String? {
        "the step activation has zero gradient almost everywhere: layers below it receive no gradient and will not learn (use sigmoid or relu to train)"
    }
}
