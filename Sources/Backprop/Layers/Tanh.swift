import RealModule

/// tanh; slope 1 − tanh².
public final class Tanh<Scalar: BLASScalar>: Activation {
    public init() {}
    public var kind: String { "tanh" }
    public func value(_ input: Scalar) -> Scalar { Scalar.tanh(input) }
    public func slope(input: Scalar, output: Scalar) -> Scalar { 1 - output * output }
}
