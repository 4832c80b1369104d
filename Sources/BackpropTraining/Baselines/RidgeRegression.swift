import CBLAS
import BackpropComponents

/// Ridge regression, the linear baseline of a regression report: exactly
/// scikit-learn's `Ridge(alpha, fit_intercept=True)`. With X̄ and ȳ the
/// training rows' column means, Xc = X − X̄ and yc = y − ȳ,
///
///     W = (XcᵀXc + αI)⁻¹ Xcᵀyc      b = ȳ − X̄ W
///
/// so the intercept is not penalized. Several target columns are fitted at
/// once (W has a column per target).
///
/// Building a `RidgeRegression` does the work every alpha shares: one pass
/// over the rows for XcᵀXc and Xcᵀyc (O(n d²), a block of rows at a time),
/// and one eigendecomposition XcᵀXc = V Λ Vᵀ. Then each alpha is
/// W = V diag(1 / (λᵢ + α)) Vᵀ Xcᵀyc, O(d² t): a whole alpha path costs about
/// one fit. The fit is in Double whatever the data's precision.
///
/// Degenerate data gives a defined model, never a stop:
/// - no rows: zero weights and zero intercepts;
/// - a constant column: its centred values are zero (to rounding), and so is its weight;
/// - more features than rows, or α = 0 with XcᵀXc singular: for α > 0 the
///   solution is unique; for α = 0 the model is the minimum-norm least-squares
///   fit (eigenvalues below d · ε · λmax count as zero, as a pseudo-inverse does);
/// - a value that is not finite: every weight and prediction is NaN.
package struct RidgeRegression: Sendable {
    /// X̄, the training rows' mean of each feature.
    package let inputMeans: [Double]
    /// ȳ, the training rows' mean of each target column.
    package let targetMeans: [Double]
    /// Nil when the data held a value that is not finite.
    private let decomposition: SymmetricEigendecomposition?
    /// Vᵀ Xcᵀyc (features × targets): what each alpha rescales.
    private let projectedCross: Matrix<Double>

    /// Rows centred and multiplied at a time: about 12 MB at 784 features.
    static let blockRows = 2048

    /// One fitted alpha of the path.
    package struct Model: Sendable, Equatable {
        package let alpha: Double
        /// features × targets: scikit-learn's `coef_` transposed.
        package let weights: Matrix<Double>
        /// One per target column: scikit-learn's `intercept_`.
        package let intercepts: [Double]

        /// X W + b, one row per input row.
        package func predict<Scalar: BLASScalar>(_ inputs: Matrix<Scalar>) -> Matrix<Double> {
            Matrix.affine(inputs, weights: weights, intercepts: intercepts)
        }
    }

    /// Prepares the alpha path of `inputs` (rows × features) and `targets` (rows × target columns).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package init<Scalar: BLASScalar>(inputs: Matrix<Scalar>, targets: Matrix<Scalar>) {
        requireShape(inputs.rows == targets.rows,
                     "ridge regression: \(inputs.rows) input rows but \(targets.rows) target rows")
        let features = inputs.columns
        inputMeans = inputs.columnMeansInDoublePrecision()
        targetMeans = targets.columnMeansInDoublePrecision()
        var gram = Matrix<Double>(rows: features, columns: features)
        var cross = Matrix<Double>(rows: features, columns: targets.columns)
        var inputBlock = Matrix<Double>(rows: 0, columns: 0)
        var targetBlock = Matrix<Double>(rows: 0, columns: 0)
        for start in stride(from: 0, to: inputs.rows, by: Self.blockRows) {
            let rows = start..<min(start + Self.blockRows, inputs.rows)
            inputs.centeredInDoublePrecision(rows: rows, means: inputMeans, into: &inputBlock)
            targets.centeredInDoublePrecision(rows: rows, means: targetMeans, into: &targetBlock)
            if features > 0 {
                // The upper triangle of XcᵀXc, which is all the eigensolver reads: half a product.
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, blasint(features), blasint(rows.count),
                            1, inputBlock.storage, blasint(features), 1, &gram.storage, blasint(features))
            }
            Matrix.multiply(inputBlock, targetBlock, transposeA: true, into: &cross, beta: 1)
        }
        decomposition = SymmetricEigendecomposition(gram)
        projectedCross = decomposition.map { $0.vectorRows.matmul(cross) } ?? cross
    }

    /// The model for one `alpha` (≥ 0; +∞ gives the mean predictor).
    package func model(alpha: Double) -> Model {
        precondition(alpha >= 0, "ridge regression's alpha must be ≥ 0, got \(alpha)")
        let features = inputMeans.count, outputs = targetMeans.count
        guard let decomposition else {
            return Model(alpha: alpha, weights: Matrix(rows: features, columns: outputs, repeating: .nan),
                         intercepts: Array(repeating: .nan, count: outputs))
        }
        let cutoff = (decomposition.values.last ?? 0) * Double(features) * Double.ulpOfOne
        var scaled = projectedCross
        for (index, eigenvalue) in decomposition.values.enumerated() {
            // Rounding can leave a zero eigenvalue slightly negative: it is zero.
            let inverse = alpha > 0 ? 1 / (max(eigenvalue, 0) + alpha) : (eigenvalue > cutoff ? 1 / eigenvalue : 0)
            for output in 0..<outputs { scaled.storage[index * outputs + output] *= inverse }
        }
        let weights = decomposition.vectorRows.matmul(scaled, transposeSelf: true)
        let intercepts = (0..<outputs).map { output in
            targetMeans[output] - (0..<features).reduce(0) { $0 + inputMeans[$1] * weights[$1, output] }
        }
        return Model(alpha: alpha, weights: weights, intercepts: intercepts)
    }

    /// A model per alpha, in the order given, from one decomposition.
    package static func fit<Scalar: BLASScalar>(inputs: Matrix<Scalar>, targets: Matrix<Scalar>, alphas: [Double]) -> [Model] {
        let path = RidgeRegression(inputs: inputs, targets: targets)
        return alphas.map(path.model(alpha:))
    }
}
