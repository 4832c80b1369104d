import RealModule

/// The exact Gaussian error linear unit, f(x) = x Φ(x) = x/2 (1 + erf(x/√2))
/// (Hendrycks & Gimpel 2016); slope Φ(x) + x φ(x).
public struct GELU: Activation {
    public static let name = "gelu"
    public static let summary = "x·Φ(x), exact (erf)"
    public init() {}
    public init(settings: Settings) {}

    public func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x * cumulativeNormal(x) }

    public func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar {
        let density = Scalar.exp(-x * x / 2) / Scalar.sqrt(2 * Scalar.pi)
        return cumulativeNormal(x) + x * density
    }

    private func cumulativeNormal<Scalar: BLASScalar>(_ x: Scalar) -> Scalar {
        (1 + Scalar.erf(x / Scalar.sqrt(2))) / 2
    }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
