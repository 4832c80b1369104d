import Backprop

/// Swish, or SiLU (Ramachandran et al. 2017): f(x) = x·σ(x), with slope
/// σ(x)·(1 + x·(1 − σ(x))).
public struct Swish: Activation {
    public static let name = "swish"
    public static let summary = "x·σ(x) (SiLU)"
    public init(settings: Settings) {}

    public func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x / (1 + Scalar.exp(-x)) }

    public func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar {
        let sigmoid = 1 / (1 + Scalar.exp(-x))
        return sigmoid * (1 + x * (1 - sigmoid))
    }

    // Optional: pre-specialized loops, as fast as the built-in activations.
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
