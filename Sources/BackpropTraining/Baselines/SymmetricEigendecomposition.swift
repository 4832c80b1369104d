import CBLAS
import BackpropComponents

/// A = V Λ Vᵀ for a symmetric matrix A, by LAPACK's divide-and-conquer
/// eigensolver (dsyevd): once decomposed, any function of A, such as
/// (A + αI)⁻¹ for every α of a ridge path, costs a few products instead of a
/// new factorization.
struct SymmetricEigendecomposition: Sendable {
    /// The eigenvalues, ascending.
    var values: [Double]
    /// Vᵀ: row i is the unit eigenvector of `values[i]`.
    var vectorRows: Matrix<Double>

    /// Decomposes `matrix`, reading only its upper triangle (row-major), so a
    /// Gram matrix from `cblas_dsyrk` needs no mirroring. Nil when LAPACK
    /// cannot decompose it: an entry that is not finite (LAPACK's iterations
    /// are not guaranteed to end on NaN, so such a matrix never reaches it),
    /// or no convergence.
    init?(_ matrix: Matrix<Double>) {
        requireShape(matrix.rows == matrix.columns, "eigendecomposition of a non-square matrix \(matrix.shapeDescription)")
        guard matrix.storage.allSatisfy(\.isFinite) else { return nil }
        let size = matrix.rows
        guard size > 0 else {
            values = []
            vectorRows = matrix
            return
        }
        // Row-major upper is column-major lower; eigenvectors come back as the
        // columns of a column-major matrix, which read row-major are Vᵀ.
        var storage = matrix.storage
        var eigenvalues = [Double](repeating: 0, count: size)
        var job = CChar(UInt8(ascii: "V")), triangle = CChar(UInt8(ascii: "L"))
        var order = blasint(size), leadingDimension = blasint(size), info = blasint(0)
        var workSize = blasint(-1), integerWorkSize = blasint(-1)
        var workQuery = [Double](repeating: 0, count: 1), integerWorkQuery = [blasint](repeating: 0, count: 1)
        dsyevd_(&job, &triangle, &order, &storage, &leadingDimension, &eigenvalues, &workQuery, &workSize,
                &integerWorkQuery, &integerWorkSize, &info, 1, 1)
        guard info == 0 else { return nil }
        workSize = blasint(workQuery[0])
        integerWorkSize = integerWorkQuery[0]
        var work = [Double](repeating: 0, count: Int(workSize))
        var integerWork = [blasint](repeating: 0, count: Int(integerWorkSize))
        dsyevd_(&job, &triangle, &order, &storage, &leadingDimension, &eigenvalues, &work, &workSize,
                &integerWork, &integerWorkSize, &info, 1, 1)
        guard info == 0 else { return nil }
        values = eigenvalues
        vectorRows = Matrix(rows: size, columns: size, storage: storage)
    }
}
