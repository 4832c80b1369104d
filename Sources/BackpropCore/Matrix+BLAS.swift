import BackpropPlatform

extension Matrix {
    // Both forms: a dispatch inside the body for generic callers, and
    // entry points other targets link to (docs/contributing.md#layout).
    /// `result = alpha * op(a) * op(b) + beta * result` through BLAS gemm.
    ///
    /// `result` is reshaped to the product's shape when `beta` is zero; with a
    /// non-zero `beta` it must already have that shape.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
        into result: inout Matrix, alpha: Scalar = 1, beta: Scalar = 0
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        requireShape(
            k == kB,
            "matrix product shape mismatch: \(a.shapeDescription)\(transposeA ? "ᵀ" : "") x \(b.shapeDescription)\(transposeB ? "ᵀ" : "")")
        if beta == 0 {
            result.reshape(rows: m, columns: n)
        } else {
            requireShape(result.rows == m && result.columns == n,
                         "matrix product accumulates into \(result.shapeDescription), expected (\(m)x\(n))")
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            for index in result.storage.indices { result.storage[index] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { aPointer in
            b.storage.withUnsafeBufferPointer { bPointer in
                result.storage.withUnsafeMutableBufferPointer { cPointer in
                    Scalar.gemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: alpha, a: aPointer.baseAddress!, lda: a.columns,
                        b: bPointer.baseAddress!, ldb: b.columns,
                        beta: beta, c: cPointer.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// The product `self * other` as a new matrix.
    public func matmul(_ other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false) -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        Matrix.multiply(self, other, transposeA: transposeSelf, transposeB: transposeOther, into: &result)
        return result
    }
}
