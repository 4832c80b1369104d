import RealModule

/// f(x) = x.
public final class Identity<Scalar: BLASScalar>: Activation {
    public init() {}
    public var kind: String { "identity" }
    public func value(_ input: Scalar) -> Scalar { input }
    public func slope(input: Scalar, output: Scalar) -> Scalar { 1 }
}
