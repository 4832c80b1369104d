import BackpropComponents

/// The baselines fit in Double whatever precision the experiment trains in:
/// their closed forms and line searches need its digits, and their results
/// are compared with scikit-learn's float64 ones. These read a matrix of
/// either precision into Double.
extension Matrix {
    /// This matrix in Double; no copy when it already is one.
    var inDoublePrecision: Matrix<Double> {
        (self as? Matrix<Double>) ?? converted(to: Double.self)
    }

    /// The mean of each column, summed in Double; zeros when there are no rows.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func columnMeansInDoublePrecision() -> [Double] {
        var sums = [Double](repeating: 0, count: columns)
        for row in 0..<rows {
            for column in 0..<columns {
                sums[column] += Double(storage[row * columns + column])
            }
        }
        return sums.map { $0 / Double(Swift.max(rows, 1)) }
    }

    /// Copies `rows` into `block` in Double with `means` subtracted from each
    /// column: a block at a time, so centring a large data set never holds a
    /// second copy of all of it.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func centeredInDoublePrecision(rows selected: Range<Int>, means: [Double], into block: inout Matrix<Double>) {
        requireShape(means.count == columns, "\(means.count) column means for a matrix \(shapeDescription)")
        block.reshape(rows: selected.count, columns: columns)
        for (blockRow, row) in selected.enumerated() {
            for column in 0..<columns {
                block.storage[blockRow * columns + column] = Double(storage[row * columns + column]) - means[column]
            }
        }
    }
}
