import BackpropComponents

extension Matrix where Scalar == Double {
    /// `inputs · weights + 1 bᵀ`, one row per input row, from inputs of
    /// either precision: a linear model's predictions (ridge) or scores
    /// (logistic regression), with `weights` features × outputs and one
    /// intercept b per output.
    static func affine<InputScalar: BLASScalar>(_ inputs: Matrix<InputScalar>, weights: Matrix<Double>, intercepts: [Double]) -> Matrix<Double> {
        requireShape(inputs.columns == weights.rows && intercepts.count == weights.columns,
                     "linear model of weights \(weights.shapeDescription) and \(intercepts.count) intercepts given inputs \(inputs.shapeDescription)")
        var result = inputs.inDoublePrecision.matmul(weights)
        let outputs = result.columns
        for row in 0..<result.rows {
            for output in 0..<outputs {
                result.storage[row * outputs + output] += intercepts[output]
            }
        }
        return result
    }
}
