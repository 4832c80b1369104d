import RealModule
import BackpropCore

/// tanh; slope 1 − tanh².
package struct Tanh: Activation {
    package static let name = "tanh"
    package static let summary = "tanh x"
    package init() {}
    package init(settings: Settings) {}

    package func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { Scalar.tanh(x) }
    package func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { 1 - y * y }

    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
    @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
    package func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
}
