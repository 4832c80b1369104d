import BackpropComponents

/// How far regression predictions are from their targets, in the targets'
/// own units (scaled targets are unscaled first), as scikit-learn's metrics
/// define them; with several target columns each is the mean over columns.
public struct RegressionScores: Codable, Sendable, Equatable {
    /// Mean squared error (the `mse` loss, but in the targets' own units).
    public package(set) var mse: Double
    /// Root mean squared error.
    public package(set) var rmse: Double
    /// Mean absolute error.
    public package(set) var mae: Double
    /// 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 is perfect, 0 is as good as predicting the mean.
    public package(set) var r2: Double
    /// The standard error of `rmse` as an estimate from these samples: the
    /// delta method over the squared errors, sd(e²) / √n / (2·RMSE). Another
    /// set of the same size would give an RMSE about this far away; nil in
    /// results of versions that did not measure it.
    public package(set) var rmseStandardError: Double?
}

/// Sums over a split, chunk by chunk, from which the scores follow.
package struct RegressionSums {
    private var squares: [Double]
    /// Σ e⁴ per column, for the spread of the squared errors.
    private var fourthPowers: [Double]
    private var absolutes: [Double]
    private var targets: [Double]
    private var targetSquares: [Double]
    private var rows = 0

    package init(columns: Int) {
        squares = Array(repeating: 0, count: columns)
        fourthPowers = squares
        absolutes = squares
        targets = squares
        targetSquares = squares
    }

    /// Adds a chunk; `scaling` (the targets' scaling, if any) is undone first.
    package mutating func add<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, scaling: FeatureScaling.Statistics?) {
        let columns = squares.count
        for index in prediction.storage.indices {
            let column = index % columns
            let value = scaling?.original(Double(target.storage[index]), column: column) ?? Double(target.storage[index])
            let predicted = scaling?.original(Double(prediction.storage[index]), column: column) ?? Double(prediction.storage[index])
            let residual = predicted - value
            squares[column] += residual * residual
            fourthPowers[column] += residual * residual * residual * residual
            absolutes[column] += abs(residual)
            targets[column] += value
            targetSquares[column] += value * value
        }
        rows += prediction.rows
    }

    package var scores: RegressionScores {
        let n = Double(max(rows, 1))
        let mse = squares.map { $0 / n }
        let r2 = squares.indices.map { column -> Double in
            let total = targetSquares[column] - targets[column] * targets[column] / n
            return total > 0 ? 1 - squares[column] / total : (squares[column] == 0 ? 1 : 0)
        }
        let standardErrors = mse.indices.map { column -> Double in
            let rmse = mse[column].squareRoot()
            guard rows > 1, rmse > 0 else { return 0 }
            let variance = max(fourthPowers[column] - n * mse[column] * mse[column], 0) / (n - 1)
            return (variance / n).squareRoot() / (2 * rmse)
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
        return RegressionScores(mse: mean(mse), rmse: mean(mse.map { $0.squareRoot() }), mae: mean(absolutes.map { $0 / n }), r2: mean(r2),
                                rmseStandardError: mean(standardErrors))
    }
}
