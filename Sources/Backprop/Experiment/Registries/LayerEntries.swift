/// Layers by name. Activations live in their own registry (ActivationEntries)
/// but are written in `model:` the same way.
func registerBuiltInLayers(in registry: Registry<any LayerSpec>) {
    registry.register("dense", summary: "fully connected, out = x·Wᵀ + b; weights stored (out, in) like torch.nn.Linear") { settings in
        let units = try settings.int("units", default: nil, .count)
        let weights = try settings.optionalMatrix("weights")
        let bias = try settings.doubles("bias", default: [])
        let weightInitializer = try settings.component("init", in: Registries.initializers, default: "xavier_uniform")
        let biasInitializer = try settings.component("bias_init", in: Registries.initializers, default: "zeros")
        if let weights, weights.count != units {
            throw settings.problem("weights", "dense 'weights' has \(weights.count) rows, one per unit is needed (units: \(units))")
        }
        if settings.has("bias"), bias.count != units {
            throw settings.problem("bias", "dense 'bias' has \(bias.count) values, units is \(units)")
        }
        return DenseSpec(units: units, weights: weights, bias: settings.has("bias") ? bias : nil,
                         weightInitializer: weightInitializer ?? XavierUniform(), biasInitializer: biasInitializer ?? Zeros())
    }
    registry.register("dropout", summary: "zeroes each value with probability p in training (inverted dropout)") { settings in
        DropoutSpec(probability: try settings.double("p", default: 0.5, .unitInterval))
    }
    registry.register("batch_norm", summary: "batch normalisation over features (BatchNorm1d)") { settings in
        BatchNormSpec(momentum: try settings.double("momentum", default: 0.1, .probability),
                      epsilon: try settings.double("eps", default: 1e-5, .positive))
    }
    registry.register("softmax", summary: "row-wise softmax (prefer softmax_cross_entropy on logits)") { _ in SoftmaxSpec() }
}

struct DenseSpec: LayerSpec {
    var units: Int
    var weights: [[Double]]?
    var bias: [Double]?
    var weightInitializer: any Initializer
    var biasInitializer: any Initializer

    func outputSize(inputSize: Int) -> Int { units }

    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
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

struct DropoutSpec: LayerSpec {
    var probability: Double
    func outputSize(inputSize: Int) -> Int { inputSize }
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        Dropout<Scalar>(probability: probability, seed: random.next())
    }
}

struct BatchNormSpec: LayerSpec {
    var momentum: Double
    var epsilon: Double
    func outputSize(inputSize: Int) -> Int { inputSize }
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        BatchNorm<Scalar>(features: inputSize, momentum: momentum, epsilon: epsilon)
    }
}

struct SoftmaxSpec: LayerSpec {
    func outputSize(inputSize: Int) -> Int { inputSize }
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        Softmax<Scalar>()
    }
}
