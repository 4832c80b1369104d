import RealModule

/// tanh; slope 1 − tanh².
public struct Tanh: Activation {
    public static let name = "tanh"
    public static let summary = "tanh x"
    public init() {}
    public init(settings: Settings) {}

    public func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { Scalar.tanh(x) }
    public func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { 1 - y * y }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
