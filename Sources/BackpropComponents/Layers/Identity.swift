import BackpropCore

/// f(x) = x.
package struct Identity: Activation {
    package static let name = "identity"
    package static let summary = "f(x) = x"
    package init() {}
    package init(settings: Settings) {}

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { x }
    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { 1 }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
