import RealModule
import BackpropCore

/// Row-wise softmax, `y_i = e^(x_i − max) / Σ_j e^(x_j − max)`.
///
/// Backward is the Jacobian-vector product `dx = y ⊙ (dy − Σ_j dy_j y_j)`.
/// For classification, prefer a `softmax_cross_entropy` loss on raw logits:
/// it is the same function, computed stably in one step.
package final class Softmax<Scalar: BLASScalar>: Layer {
    package init() {}
    package var kind: String { "softmax" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        output.reshape(rows: input.rows, columns: input.columns)
        let columns = input.columns
        input.storage.withUnsafeBufferPointer { x in
            output.storage.withUnsafeMutableBufferPointer { y in
                for row in 0..<input.rows {
                    let start = row * columns
                    var largest = -Scalar.infinity
                    for column in 0..<columns { largest = Swift.max(largest, x[start + column]) }
                    var total: Scalar = 0
                    for column in 0..<columns {
                        let e = Scalar.exp(x[start + column] - largest)
                        y[start + column] = e
                        total += e
                    }
                    for column in 0..<columns { y[start + column] /= total }
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
        guard needsInputGradient else { return }
        inputGradient.reshape(rows: input.rows, columns: input.columns)
        let columns = input.columns
        output.storage.withUnsafeBufferPointer { y in
            outputGradient.storage.withUnsafeBufferPointer { dy in
                inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                    for row in 0..<input.rows {
                        let start = row * columns
                        var dot: Scalar = 0
                        for column in 0..<columns { dot += dy[start + column] * y[start + column] }
                        for column in 0..<columns {
                            dx[start + column] = y[start + column] * (dy[start + column] - dot)
                        }
                    }
                }
            }
        }
    }
}

/// `softmax`: row-wise, as a layer.
package struct SoftmaxSpec: LayerSpec {
    package static let name = "softmax"
    package static let summary = "row-wise softmax (prefer softmax_cross_entropy on logits)"
    package init(settings: Settings) {}
    package func outputSize(inputSize: Int) -> Int { inputSize }

    package func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) -> any Layer<Scalar> {
        Softmax<Scalar>()
    }
}
