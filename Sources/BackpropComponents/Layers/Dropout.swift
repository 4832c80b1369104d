import BackpropCore

/// Inverted dropout: in training each value is zeroed with probability `p`
/// and the survivors are scaled by 1/(1 − p); in evaluation it is the identity.
package final class Dropout<Scalar: BLASScalar>: Layer {
    package let probability: Double
    private var random: RandomGenerator
    private var mask = Matrix<Scalar>(rows: 0, columns: 0)
    private var maskApplied = false

    package init(probability: Double, seed: UInt64 = 0) {
        precondition(probability >= 0 && probability < 1, "dropout probability must be in [0, 1)")
        self.probability = probability
        self.random = RandomGenerator(seed: seed)
    }

    package var kind: String { "dropout" }
    package var description: String { "dropout(p: \(probability))" }
    package func reseed(_ seed: UInt64) { random = RandomGenerator(seed: seed) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        maskApplied = training && probability > 0
        guard maskApplied else {
            output.assign(input) { $0 }
            return
        }
        let keepScale = Scalar(1 / (1 - probability))
        mask.reshape(rows: input.rows, columns: input.columns)
        for index in mask.storage.indices {
            mask.storage[index] = random.nextUnit() < probability ? 0 : keepScale
        }
        output.assign(input, mask) { $0 * $1 }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool
    ) {
        guard needsInputGradient else { return }
        guard maskApplied else {
            inputGradient.assign(outputGradient) { $0 }
            return
        }
        inputGradient.assign(outputGradient, mask) { $0 * $1 }
    }
}

/// `dropout: {p: 0.5}`.
package struct DropoutSpec: LayerSpec {
    package static let name = "dropout"
    package static let summary = "zeroes each value with probability p in training (inverted dropout)"
    package let probability: Double
    package let description: String

    package init(settings: Settings) throws {
        probability = try settings.double("p", default: 0.5, .unitInterval)
        description = settings.described(as: Self.name)
    }
    package func outputSize(inputSize: Int) -> Int { inputSize }

    package func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) -> any Layer<Scalar> {
        Dropout<Scalar>(probability: probability, seed: random.next())
    }
}
