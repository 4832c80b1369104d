import RealModule

/// The exact Gaussian error linear unit, f(x) = x Φ(x) = x/2 (1 + erf(x/√2))
/// (Hendrycks & Gimpel 2016); slope Φ(x) + x φ(x).
public final class GELU<Scalar: BLASScalar>: Activation {
    public init() {}
    public var kind: String { "gelu" }
    public func value(_ input: Scalar) -> Scalar {
        input * cumulativeNormal(input)
    }
    public func slope(input: Scalar, output: Scalar) -> Scalar {
        let density = Scalar.exp(-input * input / 2) / Scalar.sqrt(2 * Scalar.pi)
        return cumulativeNormal(input) + input * density
    }
    private func cumulativeNormal(_ x: Scalar) -> Scalar {
        (1 + Scalar.erf(x / Scalar.sqrt(2))) / 2
    }
}
