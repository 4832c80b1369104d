import RealModule

/// f(x) = max(0, x); the slope at 0 is taken as 0, as PyTorch does.
public final class ReLU<Scalar: BLASScalar>: Activation {
    public init() {}
    public var kind: String { "relu" }
    public func value(_ input: Scalar) -> Scalar { max(0, input) }
    public func slope(input: Scalar, output: Scalar) -> Scalar { input > 0 ? 1 : 0 }
}
