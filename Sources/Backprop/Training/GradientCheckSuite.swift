/// The built-in gradient checks run by `backprop gradcheck`: every layer,
/// activation and loss, alone and in chains, on seeded random data.
public enum GradientCheckSuite {
    public static func run() -> [GradientCheck.Result] {
        var results: [GradientCheck.Result] = []
        let regression = MeanSquaredError<Double>()

        let activations: [(String, () -> any Layer<Double>)] = [
            ("identity", { Identity() }), ("relu", { ReLU() }), ("leaky_relu", { LeakyReLU(negativeSlope: 0.1) }),
            ("elu", { ELU() }), ("sigmoid", { Sigmoid() }), ("tanh", { Tanh() }), ("softplus", { Softplus() }),
            ("gelu", { GELU() }), ("softmax", { Softmax() }), ("step", { Step() }),
        ]
        for (name, make) in activations {
            results.append(checkChain(name, layers: { random in
                [Dense(inputSize: 4, units: 5, weightInitializer: Normal(standardDeviation: 1), biasInitializer: Normal(standardDeviation: 0.5), random: &random),
                 make(),
                 Dense(inputSize: 5, units: 3, weightInitializer: Normal(standardDeviation: 1), random: &random)]
            }, loss: regression, targetKind: .regression(columns: 3)))
        }

        let losses: [(String, any Loss<Double>, TargetKind, Bool)] = [
            ("mse", MeanSquaredError(), .regression(columns: 3), false),
            ("huber", Huber(delta: 1), .regression(columns: 3), false),
            ("bce", BinaryCrossEntropy(), .binary(columns: 3), true),
            ("bce_with_logits", BinaryCrossEntropyWithLogits(), .binary(columns: 3), false),
            ("softmax_cross_entropy", SoftmaxCrossEntropy(), .classes(count: 3), false),
        ]
        for (name, loss, targetKind, needsSigmoid) in losses {
            results.append(checkChain(name, layers: { random in
                let dense: any Layer<Double> = Dense(
                    inputSize: 4, units: 3, weightInitializer: Normal(standardDeviation: 1),
                    biasInitializer: Normal(standardDeviation: 0.5), random: &random)
                return needsSigmoid ? [dense, Sigmoid()] : [dense]
            }, loss: loss, targetKind: targetKind))
        }

        results.append(checkChain("dense", layers: { random in
            [Dense(inputSize: 4, units: 3, weightInitializer: Normal(standardDeviation: 1), biasInitializer: Normal(standardDeviation: 1), random: &random)]
        }, loss: regression, targetKind: .regression(columns: 3)))
        results.append(checkChain("dropout (training)", layers: { random in
            [Dense(inputSize: 4, units: 6, weightInitializer: Normal(standardDeviation: 1), random: &random),
             Dropout(probability: 0.4), Dense(inputSize: 6, units: 3, weightInitializer: Normal(standardDeviation: 1), random: &random)]
        }, loss: regression, targetKind: .regression(columns: 3)))
        results.append(checkChain("batch_norm (training)", layers: { random in
            [Dense(inputSize: 4, units: 5, weightInitializer: Normal(standardDeviation: 1), random: &random),
             BatchNorm(features: 5), Tanh(), Dense(inputSize: 5, units: 3, weightInitializer: Normal(standardDeviation: 1), random: &random)]
        }, loss: regression, targetKind: .regression(columns: 3)))
        results.append(checkChain("batch_norm (evaluation)", layers: { random in
            let norm = BatchNorm<Double>(features: 5)
            norm.runningMean.value.storage = (0..<5).map { _ in random.normal() }
            norm.runningVariance.value.storage = (0..<5).map { _ in random.uniform(0.5, 2) }
            return [Dense(inputSize: 4, units: 5, weightInitializer: Normal(standardDeviation: 1), random: &random),
                    norm, Dense(inputSize: 5, units: 3, weightInitializer: Normal(standardDeviation: 1), random: &random)]
        }, loss: regression, targetKind: .regression(columns: 3), training: false))
        results.append(checkChain("chain: dense-tanh-dense-sigmoid-dense + bce_with_logits", layers: { random in
            [Dense(inputSize: 4, units: 6, weightInitializer: XavierNormal(), random: &random), Tanh(),
             Dense(inputSize: 6, units: 5, weightInitializer: XavierNormal(), random: &random), Sigmoid(),
             Dense(inputSize: 5, units: 2, weightInitializer: XavierNormal(), random: &random)]
        }, loss: BinaryCrossEntropyWithLogits(), targetKind: .binary(columns: 2)))
        results.append(checkChain("chain: dense-batch_norm-relu-dropout-dense-gelu-dense + softmax_cross_entropy", layers: { random in
            [Dense(inputSize: 4, units: 8, weightInitializer: HeNormal(), random: &random), BatchNorm(features: 8), ReLU(),
             Dropout(probability: 0.25), Dense(inputSize: 8, units: 6, weightInitializer: HeNormal(), random: &random), GELU(),
             Dense(inputSize: 6, units: 4, weightInitializer: XavierUniform(), random: &random)]
        }, loss: SoftmaxCrossEntropy(), targetKind: .classes(count: 4)))
        results.append(checkChain("chain: dense-elu-dense-softmax + mse", layers: { random in
            [Dense(inputSize: 4, units: 6, weightInitializer: Normal(standardDeviation: 1), random: &random), ELU(),
             Dense(inputSize: 6, units: 3, weightInitializer: Normal(standardDeviation: 1), random: &random), Softmax()]
        }, loss: regression, targetKind: .regression(columns: 3)))
        return results
    }

    enum TargetKind {
        case regression(columns: Int)
        case binary(columns: Int)
        case classes(count: Int)
    }

    static func checkChain(
        _ component: String, layers makeLayers: (inout RandomGenerator) -> [any Layer<Double>],
        loss: any Loss<Double>, targetKind: TargetKind, training: Bool = true, rows: Int = 6
    ) -> GradientCheck.Result {
        var random = RandomGenerator(seed: 2024)
        let model = Sequential(inputSize: 4, layers: makeLayers(&random))
        let input = Matrix(rows: rows, columns: 4, storage: (0..<(rows * 4)).map { _ in random.normal() })
        let target: Matrix<Double>
        switch targetKind {
        case .regression(let columns):
            target = Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in random.normal() })
        case .binary(let columns):
            target = Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in random.nextUnit() < 0.5 ? 0 : 1 })
        case .classes(let count):
            target = Matrix(column: (0..<rows).map { _ in Double(random.integer(below: count)) })
        }
        return GradientCheck.check(component, model: model, loss: loss, input: input, target: target, training: training)
    }
}
