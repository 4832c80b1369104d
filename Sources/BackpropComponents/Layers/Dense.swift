import BackpropCore

/// A fully connected layer, `output = input · Wᵀ + b`.
///
/// The weight is stored (out, in) like `torch.nn.Linear`, so starting weights
/// copied from PyTorch give the same network. Backward:
/// `∂L/∂W = (∂L/∂out)ᵀ · input`, `∂L/∂b = Σ_rows ∂L/∂out`, `∂L/∂input = ∂L/∂out · W`.
package final class Dense<Scalar: BLASScalar>: Layer {
    package let weight: Parameter<Scalar>
    package let bias: Parameter<Scalar>
    @exclusivity(unchecked) private var biasGradientScratch: [Scalar]  // see Parameter.value

    package var inputSize: Int { weight.value.columns }
    package var units: Int { weight.value.rows }

    /// A layer with the given starting weight (units x inputs) and bias (units).
    package init(weight: Matrix<Scalar>, bias: [Scalar]) {
        precondition(bias.count == weight.rows, "dense bias has \(bias.count) values for \(weight.rows) units")
        self.weight = Parameter(name: "weight", value: weight)
        self.bias = Parameter(name: "bias", value: Matrix(rows: 1, columns: bias.count, storage: bias))
        self.biasGradientScratch = Array(repeating: 0, count: bias.count)
    }

    /// A layer of `units` over `inputSize` inputs with the given weights
    /// (row by row, units x inputSize) and bias, or, where they are not given,
    /// values drawn by the initializers: the weights first, then the bias.
    package convenience init(
        inputSize: Int, units: Int, weights: [Double]? = nil, bias: [Double]? = nil,
        weightInitializer: any Initializer, biasInitializer: any Initializer, random: inout RandomGenerator
    ) {
        let weights = weights ?? weightInitializer.sample(count: units * inputSize, fanIn: inputSize, fanOut: units, random: &random)
        let biases = bias ?? biasInitializer.sample(count: units, fanIn: inputSize, fanOut: units, random: &random)
        self.init(
            weight: Matrix(rows: units, columns: inputSize, storage: weights.map { Scalar($0) }),
            bias: biases.map { Scalar($0) })
    }

    package var kind: String { "dense" }
    package var description: String { "dense(\(inputSize) -> \(units))" }
    package var parameters: [Parameter<Scalar>] { [weight, bias] }
    package func outputSize(inputSize: Int) -> Int { units }
    package func parameterCount(inputSize: Int) -> Int { ModelSize.product(inputSize, units, plus: units) ?? Int.max }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        precondition(input.columns == inputSize,
                     "dense layer expects \(inputSize) inputs per row, got \(input.shapeDescription)")
        Matrix.multiply(input, weight.value, transposeB: true, into: &output)
        output.addToEachRow(bias.value.storage)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func backward(
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

/// `dense: {units: 8, init: he_normal}`, or with starting weights
/// `dense: {units: 2, weights: [[0.1, -0.2], [0.4, 0.3]], bias: [0, 0]}`
/// stored (out, in) like torch.nn.Linear.
package struct DenseSpec: LayerSpec {
    package static let name = "dense"
    package static let summary = "fully connected, out = x·Wᵀ + b; weights stored (out, in) like torch.nn.Linear"

    package let units: Int
    package let weights: [[Double]]?
    package let bias: [Double]?
    package let weightInitializer: any Initializer
    package let biasInitializer: any Initializer

    package init(settings: Settings) throws {
        units = try settings.int("units", default: nil, .count)
        weights = try settings.optionalMatrix("weights", otherwise: "drawn by init")
        bias = try settings.optionalDoubles("bias", otherwise: "drawn by bias_init")
        weightInitializer = try settings.component("init", in: \.initializers, default: XavierUniform.name)
        biasInitializer = try settings.component("bias_init", in: \.initializers, default: Zeros.name)
        if let weights, weights.count != units {
            throw settings.problem("weights", "dense 'weights' has \(weights.count) rows, one per unit is needed (units: \(units))")
        }
        if let bias, bias.count != units {
            throw settings.problem("bias", "dense 'bias' has \(bias.count) values, units is \(units)")
        }
    }

    package func outputSize(inputSize: Int) -> Int { units }
    package func parameterCount(inputSize: Int) -> Int { ModelSize.product(inputSize, units, plus: units) ?? Int.max }

    package func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        if let weights, !weights.allSatisfy({ $0.count == inputSize }) {
            throw ComponentError("dense 'weights' rows have \(weights.first?.count ?? 0) values, the layer has \(inputSize) inputs")
        }
        return Dense<Scalar>(inputSize: inputSize, units: units, weights: weights?.flatMap { $0 }, bias: bias,
                             weightInitializer: weightInitializer, biasInitializer: biasInitializer, random: &random)
    }
}
