import RealModule
import BackpropCore

/// Batch normalisation over features (PyTorch's BatchNorm1d), Ioffe & Szegedy 2015.
///
/// Training: `x̂ = (x − μ_B) / √(σ²_B + ε)` with the batch's mean and biased
/// variance, `y = γ x̂ + β`; the running statistics move by `momentum` toward the
/// batch's mean and unbiased variance. Evaluation normalises with the running
/// statistics. Backward (training):
/// `dx = (1/N) / √(σ²+ε) · (N dx̂ − Σ dx̂ − x̂ Σ(dx̂ x̂))`, with `dx̂ = dy γ`.
package final class BatchNorm<Scalar: BLASScalar>: Layer {
    package let scale: Parameter<Scalar>
    package let shift: Parameter<Scalar>
    package let runningMean: Parameter<Scalar>
    package let runningVariance: Parameter<Scalar>
    package let momentum: Scalar
    package let epsilon: Scalar

    private var normalized = Matrix<Scalar>(rows: 0, columns: 0)
    private var inverseStandardDeviation: [Scalar]
    private var sumGradient: [Scalar]
    private var sumGradientTimesNormalized: [Scalar]
    private var usedBatchStatistics = false

    package init(features: Int, momentum: Double, epsilon: Double) {
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

    package var features: Int { scale.value.columns }
    package var kind: String { "batch_norm" }
    package var description: String { "batch_norm(\(features))" }
    package var parameters: [Parameter<Scalar>] { [scale, shift] }
    package var buffers: [Parameter<Scalar>] { [runningMean, runningVariance] }

    // The loops walk rows in memory order and keep per-feature sums in small
    // buffers, so a 128 x 512 batch streams through memory once per pass.

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        precondition(input.columns == features, "batch_norm expects \(features) features, got \(input.shapeDescription)")
        let rows = input.rows, columns = features
        usedBatchStatistics = training
        normalized.reshape(rows: rows, columns: columns)
        output.reshape(rows: rows, columns: columns)
        // mean in sumGradient, then 1/std in inverseStandardDeviation (scratch reuse, no allocation).
        if training {
            input.columnSums(into: &sumGradient)
            input.storage.withUnsafeBufferPointer { x in
                sumGradient.withUnsafeMutableBufferPointer { mean in
                    sumGradientTimesNormalized.withUnsafeMutableBufferPointer { squares in
                        for column in 0..<columns { mean[column] /= Scalar(rows); squares[column] = 0 }
                        for row in 0..<rows {
                            let start = row * columns
                            for column in 0..<columns {
                                let centred = x[start + column] - mean[column]
                                squares[column] += centred * centred
                            }
                        }
                        runningMean.value.storage.withUnsafeMutableBufferPointer { runMean in
                            runningVariance.value.storage.withUnsafeMutableBufferPointer { runVariance in
                                inverseStandardDeviation.withUnsafeMutableBufferPointer { inverse in
                                    for column in 0..<columns {
                                        let variance = squares[column] / Scalar(rows)
                                        let unbiased = squares[column] / Scalar(Swift.max(rows - 1, 1))
                                        inverse[column] = 1 / Scalar.sqrt(variance + epsilon)
                                        runMean[column] = (1 - momentum) * runMean[column] + momentum * mean[column]
                                        runVariance[column] = (1 - momentum) * runVariance[column] + momentum * unbiased
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } else {
            for column in 0..<columns {
                sumGradient[column] = runningMean.value.storage[column]
                inverseStandardDeviation[column] = 1 / Scalar.sqrt(runningVariance.value.storage[column] + epsilon)
            }
        }
        input.storage.withUnsafeBufferPointer { x in
            normalized.storage.withUnsafeMutableBufferPointer { xHat in
                output.storage.withUnsafeMutableBufferPointer { y in
                    sumGradient.withUnsafeBufferPointer { mean in
                        inverseStandardDeviation.withUnsafeBufferPointer { inverse in
                            scale.value.storage.withUnsafeBufferPointer { gamma in
                                shift.value.storage.withUnsafeBufferPointer { beta in
                                    for row in 0..<rows {
                                        let start = row * columns
                                        for column in 0..<columns {
                                            let value = (x[start + column] - mean[column]) * inverse[column]
                                            xHat[start + column] = value
                                            y[start + column] = gamma[column] * value + beta[column]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool
    ) {
        let rows = input.rows, columns = features
        outputGradient.storage.withUnsafeBufferPointer { dy in
            normalized.storage.withUnsafeBufferPointer { xHat in
                sumGradient.withUnsafeMutableBufferPointer { sumDy in
                    sumGradientTimesNormalized.withUnsafeMutableBufferPointer { sumDyXHat in
                        for column in 0..<columns { sumDy[column] = 0; sumDyXHat[column] = 0 }
                        for row in 0..<rows {
                            let start = row * columns
                            for column in 0..<columns {
                                sumDy[column] += dy[start + column]
                                sumDyXHat[column] += dy[start + column] * xHat[start + column]
                            }
                        }
                    }
                }
            }
        }
        for column in 0..<columns {
            shift.gradient.storage[column] = sumGradient[column]
            scale.gradient.storage[column] = sumGradientTimesNormalized[column]
        }
        guard needsInputGradient else { return }
        inputGradient.reshape(rows: rows, columns: columns)
        let count = Scalar(rows)
        let batchStatistics = usedBatchStatistics
        outputGradient.storage.withUnsafeBufferPointer { dy in
            normalized.storage.withUnsafeBufferPointer { xHat in
                inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                    scale.value.storage.withUnsafeBufferPointer { gamma in
                        inverseStandardDeviation.withUnsafeBufferPointer { inverse in
                            sumGradient.withUnsafeBufferPointer { sumDy in
                                sumGradientTimesNormalized.withUnsafeBufferPointer { sumDyXHat in
                                    for row in 0..<rows {
                                        let start = row * columns
                                        for column in 0..<columns {
                                            let index = start + column
                                            if batchStatistics {
                                                // dx̂ = dy γ, so Σ dx̂ = γ Σ dy and Σ dx̂ x̂ = γ Σ dy x̂.
                                                dx[index] = gamma[column] * inverse[column] / count
                                                    * (count * dy[index] - sumDy[column] - xHat[index] * sumDyXHat[column])
                                            } else {
                                                dx[index] = dy[index] * gamma[column] * inverse[column]
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `batch_norm: {momentum: 0.1, eps: 1e-5}`.
package struct BatchNormSpec: LayerSpec {
    package static let name = "batch_norm"
    package static let summary = "batch normalisation over features (BatchNorm1d)"
    package let momentum: Double
    package let epsilon: Double
    package let description: String

    package init(settings: Settings) throws {
        momentum = try settings.double("momentum", default: 0.1, .probability)
        epsilon = try settings.double("eps", default: 1e-5, .positive)
        description = settings.described(as: Self.name)
    }
    package func outputSize(inputSize: Int) -> Int { inputSize }
    package func parameterCount(inputSize: Int) -> Int { ModelSize.product(inputSize, 2, plus: 0) ?? Int.max }

    package func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) -> any Layer<Scalar> {
        BatchNorm<Scalar>(features: inputSize, momentum: momentum, epsilon: epsilon)
    }
}
