import BackpropComponents

extension LogisticRegression {
    /// A fitted logistic regression and how its fit ended.
    package struct Model: Sendable, Equatable {
        /// The classes the labels could name, 0..<classCount.
        package let classCount: Int
        /// The classes with training rows, ascending: the ones the model can predict.
        package let trainedClasses: [Int]
        /// The inverse regularization strength the model was fitted with.
        package let C: Double
        /// features × logits, scikit-learn's `coef_` transposed: one column
        /// (the second trained class's score) for two classes, one per
        /// trained class for more, none for fewer than two.
        package internal(set) var weights: Matrix<Double>
        /// One per column of `weights`: scikit-learn's `intercept_`.
        package internal(set) var intercepts: [Double]
        /// L-BFGS iterations (line searches) the fit took.
        package internal(set) var iterations: Int
        package internal(set) var stop: LBFGS.Stop
        /// The largest gradient component of `LogisticObjective` where the fit stopped.
        package internal(set) var gradientMaxAbs: Double

        /// Whether the gradient came within the tolerance.
        package var converged: Bool { stop == .gradientTolerance }

        /// Each row's probability of each class 0..<classCount (zero for a
        /// class without training rows), as scikit-learn's `predict_proba`.
        package func probabilities<Scalar: BLASScalar>(_ inputs: Matrix<Scalar>) -> Matrix<Double> {
            var probabilities = Matrix<Double>(rows: inputs.rows, columns: classCount)
            let scores = scores(inputs)
            for row in 0..<inputs.rows {
                switch trainedClasses.count {
                case 0:
                    for label in 0..<classCount { probabilities[row, label] = 1 / Double(classCount) }
                case 1:
                    probabilities[row, trainedClasses[0]] = 1
                case 2:
                    let second = LogisticObjective.sigmoid(scores[row, 0])
                    probabilities[row, trainedClasses[0]] = 1 - second
                    probabilities[row, trainedClasses[1]] = second
                default:
                    var rowScores = scores.row(row)
                    _ = LogisticObjective.softmax(&rowScores, row: 0, width: rowScores.count)
                    for (logit, label) in trainedClasses.enumerated() { probabilities[row, label] = rowScores[logit] }
                }
            }
            return probabilities
        }

        /// Each row's most likely class, as scikit-learn's `predict`: for two
        /// classes the second when its score is above 0, for more the first
        /// of the highest scores.
        package func predictClasses<Scalar: BLASScalar>(_ inputs: Matrix<Scalar>) -> [Int] {
            switch trainedClasses.count {
            case 0: return Array(repeating: 0, count: inputs.rows)
            case 1: return Array(repeating: trainedClasses[0], count: inputs.rows)
            case 2: return scores(inputs).storage.map { trainedClasses[$0 > 0 ? 1 : 0] }
            default: return scores(inputs).argmaxPerRow().map { trainedClasses[$0] }
            }
        }

        /// X W + b: one score per row and column of `weights`.
        package func scores<Scalar: BLASScalar>(_ inputs: Matrix<Scalar>) -> Matrix<Double> {
            Matrix.affine(inputs, weights: weights, intercepts: intercepts)
        }
    }
}
