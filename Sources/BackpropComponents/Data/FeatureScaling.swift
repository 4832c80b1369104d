import BackpropCore

/// Scaling of input features, with statistics computed on the training rows
/// only (then applied unchanged to validation and test rows, so nothing about
/// held-out data leaks into training).
package enum FeatureScaling: String, Sendable, CaseIterable {
    /// (x − mean) / std per feature; a constant feature is only centred.
    case standardize
    /// (x − min) / (max − min) per feature, to [0, 1] on the training rows.
    case minmax

    /// Per-feature shift and scale: x' = (x − shift) · factor.
    package struct Statistics: Sendable, Codable, Equatable {
        package var shift: [Double]
        package var factor: [Double]

        package func apply<Scalar: BLASScalar>(to matrix: inout Matrix<Scalar>) {
            let columns = matrix.columns
            let shift = self.shift.map { Scalar($0) }, factor = self.factor.map { Scalar($0) }
            matrix.storage.withUnsafeMutableBufferPointer { values in
                for index in values.indices {
                    let column = index % columns
                    values[index] = (values[index] - shift[column]) * factor[column]
                }
            }
        }

        /// A scaled value of `column` back in its own units.
        package func original(_ value: Double, column: Int) -> Double {
            value / factor[column] + shift[column]
        }
    }

    package static func statistics<Scalar: BLASScalar>(_ scaling: FeatureScaling, of matrix: Matrix<Scalar>) -> Statistics {
        let columns = matrix.columns, rows = max(matrix.rows, 1)
        var sum = Array(repeating: 0.0, count: columns), squares = sum
        var low = Array(repeating: Double.infinity, count: columns), high = Array(repeating: -Double.infinity, count: columns)
        for index in matrix.storage.indices {
            let value = Double(matrix.storage[index]), column = index % columns
            sum[column] += value
            squares[column] += value * value
            low[column] = min(low[column], value)
            high[column] = max(high[column], value)
        }
        switch scaling {
        case .standardize:
            let mean = sum.map { $0 / Double(rows) }
            let deviation = zip(squares, mean).map { max($0 / Double(rows) - $1 * $1, 0).squareRoot() }
            return Statistics(shift: mean, factor: deviation.map { $0 > 1e-12 ? 1 / $0 : 1 })
        case .minmax:
            return Statistics(shift: low, factor: zip(low, high).map { $1 - $0 > 1e-12 ? 1 / ($1 - $0) : 1 })
        }
    }
}
