import RealModule

/// Batch normalisation over features (PyTorch's BatchNorm1d), Ioffe & Szegedy 2015.
///
/// Training: `x̂ = (x − μ_B) / √(σ²_B + ε)` with the batch's mean and biased
/// variance, `y = γ x̂ + β`; the running statistics move by `momentum` toward the
/// batch's mean and unbiased variance. Evaluation normalises with the running
/// statistics. Backward (training):
/// `dx = (1/N) / √(σ²+ε) · (N dx̂ − Σ dx̂ − x̂ Σ(dx̂ x̂))`, with `dx̂ = dy γ`.
public final class BatchNorm<Scalar: BLASScalar>: Layer {
    public let scale: Parameter<Scalar>
    public let shift: Parameter<Scalar>
    public let runningMean: Parameter<Scalar>
    public let runningVariance: Parameter<Scalar>
    public let momentum: Scalar
    public let epsilon: Scalar

    private var normalized = Matrix<Scalar>(rows: 0, columns: 0)
    private var inverseStandardDeviation: [Scalar]
    private var sumGradient: [Scalar]
    private var sumGradientTimesNormalized: [Scalar]
    private var usedBatchStatistics = false

    public init(features: Int, momentum: Double = 0.1, epsilon: Double = 1e-5) {
        scale = Parameter(name: "weight", value: Matrix(rows: 1, columns: features, repeating: 1))
        shift = Parameter(name: "bias", value: Matrix(rows: 1, columns: features, repeating: 0))
        runningMean = Parameter(name: "running_mean", value: Matrix(rows: 1, columns: features, repeating: 0))
        runningVariance = Parameter(name: "running_var", value: Matrix(rows: 1, columns: features, repeating: 1))
        self.momentum = Scalar(momentum)
        self.epsilon = Scalar(epsilon)
        inverseStandardDeviation = Array(repeating: 0, count: features)
        sumGradient = Array(repeating: 0, count: features)
        sumGradientTimesNormalized = Array(repeating: 0, count: features)
    }

    public var features: Int { scale.value.columns }
    public var kind: String { "batch_norm" }
    public var description: String { "batch_norm(\(features))" }
    public var parameters: [Parameter<Scalar>] { [scale, shift] }
    public var buffers: [Parameter<Scalar>] { [runningMean, runningVariance] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        precondition(input.columns == features, "batch_norm expects \(features) features, got \(input.shapeDescription)")
        let rows = input.rows
        let columns = features
        usedBatchStatistics = training
        normalized.reshape(rows: rows, columns: columns)
        output.reshape(rows: rows, columns: columns)
        for column in 0..<columns {
            let mean: Scalar
            let inverse: Scalar
            if training {
                var sum: Scalar = 0
                for row in 0..<rows { sum += input.storage[row * columns + column] }
                mean = sum / Scalar(rows)
                var squares: Scalar = 0
                for row in 0..<rows {
                    let centred = input.storage[row * columns + column] - mean
                    squares += centred * centred
                }
                let variance = squares / Scalar(rows)
                let unbiased = squares / Scalar(Swift.max(rows - 1, 1))
                inverse = 1 / Scalar.sqrt(variance + epsilon)
                runningMean.value.storage[column] = (1 - momentum) * runningMean.value.storage[column] + momentum * mean
                runningVariance.value.storage[column] =
                    (1 - momentum) * runningVariance.value.storage[column] + momentum * unbiased
            } else {
                mean = runningMean.value.storage[column]
                inverse = 1 / Scalar.sqrt(runningVariance.value.storage[column] + epsilon)
            }
            inverseStandardDeviation[column] = inverse
            let gamma = scale.value.storage[column]
            let beta = shift.value.storage[column]
            for row in 0..<rows {
                let index = row * columns + column
                let xHat = (input.storage[index] - mean) * inverse
                normalized.storage[index] = xHat
                output.storage[index] = gamma * xHat + beta
            }
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool
    ) {
        let rows = input.rows
        let columns = features
        for column in 0..<columns {
            var sumDy: Scalar = 0
            var sumDyXHat: Scalar = 0
            for row in 0..<rows {
                let index = row * columns + column
                sumDy += outputGradient.storage[index]
                sumDyXHat += outputGradient.storage[index] * normalized.storage[index]
            }
            shift.gradient.storage[column] = sumDy
            scale.gradient.storage[column] = sumDyXHat
            sumGradient[column] = sumDy
            sumGradientTimesNormalized[column] = sumDyXHat
        }
        guard needsInputGradient else { return }
        inputGradient.reshape(rows: rows, columns: columns)
        let count = Scalar(rows)
        for column in 0..<columns {
            let gamma = scale.value.storage[column]
            let inverse = inverseStandardDeviation[column]
            for row in 0..<rows {
                let index = row * columns + column
                if usedBatchStatistics {
                    // dx̂ = dy γ, so Σ dx̂ = γ Σ dy and Σ dx̂ x̂ = γ Σ dy x̂.
                    inputGradient.storage[index] = gamma * inverse / count * (
                        count * outputGradient.storage[index] - sumGradient[column]
                            - normalized.storage[index] * sumGradientTimesNormalized[column])
                } else {
                    inputGradient.storage[index] = outputGradient.storage[index] * gamma * inverse
                }
            }
        }
    }
}
