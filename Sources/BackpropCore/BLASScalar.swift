import RealModule
import BackpropPlatform

/// A floating-point type the numeric core can compute in: `Float` or `Double`.
///
/// `Real` (swift-numerics) supplies `exp`, `log`, `tanh`, `erf`, ... generically;
/// the BLAS requirements forward to the single- or double-precision routine.
public protocol BLASScalar: Real, BinaryFloatingPoint, SIMDScalar, Codable, Sendable, LosslessStringConvertible
where Self.RawSignificand: FixedWidthInteger {
    /// C = alpha * op(A) * op(B) + beta * C, row-major.
    static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// The square root of every lane in one vector instruction (the optimizers'
    /// SIMD loops; `SIMD8.squareRoot()` takes the lanes one at a time).
    static func squareRoot(_ lanes: SIMD8<Self>) -> SIMD8<Self>

    /// `Int(self)` through the concrete conversion: the generic one costs a
    /// few percent of a small model's step where class labels are read.
    var truncatedToInt: Int { get }

    /// The name used in experiment files and reports (`float32`, `float64`).
    static var dtypeName: String { get }
}
