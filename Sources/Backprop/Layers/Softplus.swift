import RealModule

/// f(x) = log(1 + e^x), a smooth ReLU; slope σ(x). Above `threshold` it is x
/// itself, as in PyTorch, so large inputs do not overflow.
public final class Softplus<Scalar: BLASScalar>: Activation {
    public let threshold: Scalar
    public init(threshold: Scalar = 20) { self.threshold = threshold }
    public var kind: String { "softplus" }
    public func value(_ input: Scalar) -> Scalar {
        input > threshold ? input : Scalar.log(onePlus: Scalar.exp(input))
    }
    public func slope(input: Scalar, output: Scalar) -> Scalar {
        input > threshold ? 1 : 1 / (1 + Scalar.exp(-input))
    }
}
