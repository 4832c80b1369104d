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
        weightInitializer: any Initializer, biasInitializer: any Initializer = Zeros(),
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

/// `dense: {units: 8, init: he_normal}`, or with starting weights
/// `dense: {units: 2, weights: [[0.1, -0.2], [0.4, 0.3]], bias: [0, 0]}`
/// stored (out, in) like torch.nn.Linear.
public struct DenseSpec: LayerSpec {
    public static let name = "dense"
    public static let summary = "fully connected, out = x·Wᵀ + b; weights stored (out, in) like torch.nn.Linear"

    public let units: Int
    public let weights: [[Double]]?
    public let bias: [Double]?
    public let weightInitializer: any Initializer
    public let biasInitializer: any Initializer

    public init(settings: Settings) throws {
        units = try settings.int("units", default: nil, .count)
        weights = try settings.optionalMatrix("weights")
        let bias = try settings.doubles("bias", default: [])
        weightInitializer = try settings.component("init", in: Registries.initializers, default: XavierUniform.name)
        biasInitializer = try settings.component("bias_init", in: Registries.initializers, default: Zeros.name)
        if let weights, weights.count != units {
            throw settings.problem("weights", "dense 'weights' has \(weights.count) rows, one per unit is needed (units: \(units))")
        }
        if settings.has("bias"), bias.count != units {
            throw settings.problem("bias", "dense 'bias' has \(bias.count) values, units is \(units)")
        }
        self.bias = settings.has("bias") ? bias : nil
    }

    public func outputSize(inputSize: Int) -> Int { units }

    public func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        let weightValues = try weights.map { rows -> [Double] in
            guard rows.allSatisfy({ $0.count == inputSize }) else {
                throw ComponentError("dense 'weights' rows have \(rows.first?.count ?? 0) values, the layer has \(inputSize) inputs")
            }
            return rows.flatMap { $0 }
        } ?? weightInitializer.sample(count: units * inputSize, fanIn: inputSize, fanOut: units, random: &random)
        let biasValues = bias ?? biasInitializer.sample(count: units, fanIn: inputSize, fanOut: units, random: &random)
        return Dense<Scalar>(weight: Matrix(rows: units, columns: inputSize, storage: weightValues.map { Scalar($0) }),
                             bias: biasValues.map { Scalar($0) })
    }
}
