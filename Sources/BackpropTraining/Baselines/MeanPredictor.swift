import BackpropComponents

/// The trivial regression baseline: every prediction is the training rows'
/// mean of each target column, as scikit-learn's `DummyRegressor()`. A model
/// whose R² is not above this one's (0 on the training rows) has learned
/// nothing from the features.
///
/// No training rows: it predicts zeros (scikit-learn refuses to fit).
package struct MeanPredictor: Sendable, Equatable {
    /// The mean of each target column, in Double whatever the data's precision.
    package let means: [Double]

    package init<Scalar: BLASScalar>(targets: Matrix<Scalar>) {
        means = targets.columnMeansInDoublePrecision()
    }

    /// The means, once per input row; the features are not read.
    package func predict<Scalar: BLASScalar>(_ inputs: Matrix<Scalar>) -> Matrix<Double> {
        Matrix(rows: inputs.rows, columns: means.count,
               storage: Array((0..<inputs.rows).map { _ in means }.joined()))
    }
}
