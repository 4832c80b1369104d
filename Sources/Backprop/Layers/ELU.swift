import RealModule

/// f(x) = x for x > 0, else `alpha * (e^x − 1)`; slope `output + alpha` below zero.
public final class ELU<Scalar: BLASScalar>: Activation {
    public let alpha: Scalar
    public init(alpha: Scalar = 1) { self.alpha = alpha }
    public var kind: String { "elu" }
    public var description: String { "elu(alpha: \(alpha))" }
    public func value(_ input: Scalar) -> Scalar { input > 0 ? input : alpha * Scalar.expMinusOne(input) }
    public func slope(input: Scalar, output: Scalar) -> Scalar { input > 0 ? 1 : output + alpha }
}
