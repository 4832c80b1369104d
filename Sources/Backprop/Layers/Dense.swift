/// A fully connected layer, `output = input · Wᵀ + b`.
///
/// The weight is stored (out, in) like `torch.nn.Linear`, so starting weights
/// copied from PyTorch give the same network. Backward:
/// `∂L/∂W = (∂L/∂out)ᵀ · input`, `∂L/∂b = Σ_rows ∂L/∂out`, `∂L/∂input = ∂L/∂out · W`.
public final class Dense<Scalar: BLASScalar>: Layer {
    public let weight: Parameter<Scalar>
    public let bias: Parameter<Scalar>
    private var biasGradientScratch: [Scalar]

    public var inputSize: Int { weight.value.columns }
    public var units: Int { weight.value.rows }

    /// A layer with the given starting weight (units x inputs) and bias (units).
    public init(weight: Matrix<Scalar>, bias: [Scalar]) {
        precondition(bias.count == weight.rows, "dense bias has \(bias.count) values for \(weight.rows) units")
        self.weight = Parameter(name: "weight", value: weight)
        self.bias = Parameter(name: "bias", value: Matrix(rows: 1, columns: bias.count, storage: bias))
        self.biasGradientScratch = Array(repeating: 0, count: bias.count)
    }

    /// A layer whose weight and bias are drawn by the given initializers.
    public convenience init(
        inputSize: Int, units: Int,
        weightInitializer: any Initializer = XavierUniform(), biasInitializer: any Initializer = Zeros(),
        random: inout RandomGenerator
    ) {
        let weights = weightInitializer.sample(count: units * inputSize, fanIn: inputSize, fanOut: units, random: &random)
        let biases = biasInitializer.sample(count: units, fanIn: inputSize, fanOut: units, random: &random)
        self.init(
            weight: Matrix(rows: units, columns: inputSize, storage: weights.map { Scalar($0) }),
            bias: biases.map { Scalar($0) })
    }

    public var kind: String { "dense" }
    public var description: String { "dense(\(inputSize) -> \(units))" }
    public var parameters: [Parameter<Scalar>] { [weight, bias] }
    public func outputSize(inputSize: Int) -> Int { units }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        precondition(input.columns == inputSize,
                     "dense layer expects \(inputSize) inputs per row, got \(input.shapeDescription)")
        Matrix.multiply(input, weight.value, transposeB: true, into: &output)
        output.addToEachRow(bias.value.storage)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(
        input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
        inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool
    ) {
        Matrix.multiply(outputGradient, input, transposeA: true, into: &weight.gradient)
        outputGradient.columnSums(into: &biasGradientScratch)
        bias.gradient.storage.withUnsafeMutableBufferPointer { target in
            for index in target.indices { target[index] = biasGradientScratch[index] }
        }
        if needsInputGradient {
            Matrix.multiply(outputGradient, weight.value, into: &inputGradient)
        }
    }
}
