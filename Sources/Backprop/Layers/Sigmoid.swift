import RealModule

/// σ(x) = 1 / (1 + e^(−x)); σ' = σ(1 − σ), at most 1/4, which is why deep sigmoid stacks shrink gradients.
public final class Sigmoid<Scalar: BLASScalar>: Activation {
    public init() {}
    public var kind: String { "sigmoid" }
    public func value(_ input: Scalar) -> Scalar { 1 / (1 + Scalar.exp(-input)) }
    public func slope(input: Scalar, output: Scalar) -> Scalar { output * (1 - output) }
}
