/// f(x) = x for x > 0, else `negativeSlope * x` (PyTorch default slope 0.01).
public final class LeakyReLU<Scalar: BLASScalar>: Activation {
    public let negativeSlope: Scalar
    public init(negativeSlope: Scalar = 0.01) { self.negativeSlope = negativeSlope }
    public var kind: String { "leaky_relu" }
    public var description: String { "leaky_relu(negative_slope: \(negativeSlope))" }
    public func value(_ input: Scalar) -> Scalar { input > 0 ? input : negativeSlope * input }
    public func slope(input: Scalar, output: Scalar) -> Scalar { input > 0 ? 1 : negativeSlope }
}
