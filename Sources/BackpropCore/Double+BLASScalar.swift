import RealModule
import CBLAS
import CLanes
import BackpropPlatform

extension Double: BLASScalar {
    @inlinable public var truncatedToInt: Int { Int(self) }

    public static var dtypeName: String { "float64" }

    public static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    @inlinable @inline(__always)
    public static func squareRoot(_ lanes: SIMD8<Double>) -> SIMD8<Double> { backprop_sqrt_double8(lanes) }
}
