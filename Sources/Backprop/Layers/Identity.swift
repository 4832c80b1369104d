/// f(x) = x.
public struct Identity: Activation {
    public static let name = "identity"
    public static let summary = "f(x) = x"
    public init() {}
    public init(settings: Settings) {}

    public func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x }
    public func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { 1 }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    public func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
