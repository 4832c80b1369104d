import RealModule
import CBLAS
import CLanes
import BackpropPlatform

extension Float: BLASScalar {
    @inlinable public var truncatedToInt: Int { Int(self) }

    public static var dtypeName: String { "float32" }

    public static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    @inlinable @inline(__always)
    public static func squareRoot(_ lanes: SIMD8<Float>) -> SIMD8<Float> { backprop_sqrt_float8(lanes) }
}
