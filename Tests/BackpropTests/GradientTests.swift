import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

@Suite struct GradientTests {
    @Test func everyBuiltInGradientCheckPasses() {
        let suite = GradientCheckSuite.check(catalog: .builtIn)
        let results = suite.results
        // dense needs its units, so the registry cannot make it from defaults; it is checked by hand instead.
        #expect(suite.notChecked.isEmpty, "\(suite.notChecked)")
        // Every registered activation and loss is checked, and every layer that builds from its defaults.
        let checked = Set(results.map(\.component))
        let expected = Catalog.builtIn.activations.names + Catalog.builtIn.losses.names + ["dropout", "batch_norm", "softmax", "dense", "batch_norm (evaluation)"]
        #expect(Set(expected).isSubset(of: checked), "missing: \(Set(expected).subtracting(checked).sorted())")
        #expect(results.count == expected.count + 3)  // and three chains
        for result in results {
            #expect(result.maxRelativeError <= 1e-6, "\(result.component): \(result.maxRelativeError) at \(result.worstEntry)")
        }
    }

    @Test func gradientCheckCatchesAWrongGradient() {
        // A sigmoid whose slope is off by 10% must fail the check, or the check proves nothing.
        struct WrongSigmoid: Activation {
            static let name = "wrong_sigmoid"
            static let summary = "σ with a slope 10% too large"
            init(settings: Settings) {}
            init() {}
            func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { 1 / (1 + Scalar.exp(-x)) }
            func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { 1.1 * y * (1 - y) }
        }
        let result = GradientCheckSuite.checkChain("wrong", layers: { random in
            [GradientCheckSuite.dense(4, 3, std: 1, &random), ActivationLayer(WrongSigmoid())]
        }, loss: MeanSquaredError(), targets: .values)
        #expect(!result.passed)
        #expect(result.maxRelativeError > 0.05)
    }

    /// A plug-in component the suite cannot make from its defaults is not
    /// checked, and the report names it with the reason; the status is that
    /// of the checks that ran.
    @Test func componentsTheSuiteCannotMakeAreReportedAsNotChecked() throws {
        var catalog = Catalog()
        catalog.registerBuiltInInitializers()  // a dense layer's defaults name one
        try catalog.register(layer: DenseSpec.self)  // needs units too, but is checked by hand: not reported
        try catalog.register(layer: Affine.self, as: "affine_layer")
        try catalog.register(layer: Widen.self)
        try catalog.register(layer: Unbuildable.self)
        try catalog.register(activation: Affine.self)
        try catalog.register(activation: Tanh.self)
        try catalog.register(loss: WeightedSquaredError.self)
        try catalog.register(loss: MeanSquaredError.self)

        let suite = GradientCheckSuite.check(catalog: catalog)
        let expected = [
            "not checked: affine needs settings 'scale', 'shift'",
            "not checked: affine_layer needs settings 'scale', 'shift'",
            "not checked: widen gives 5000 outputs on 5 inputs; the suite checks 1 to 1000",
            "not checked: unbuildable cannot be built on 5 inputs from its defaults (unbuildable needs a device this test does not have)",
            "not checked: weighted_squared_error needs setting 'weight'",
        ]
        #expect(suite.notChecked.map(\.description) == expected)
        let checked = Set(suite.results.map(\.component))
        #expect(checked.isSuperset(of: ["tanh", "mse", "dense"]) && checked.isDisjoint(with: suite.notChecked.map(\.component)), "\(checked)")

        let outcome = Commands.gradientCheck(suite.results, notChecked: suite.notChecked)
        #expect(outcome.status == 0, "nothing is known of the components not checked: no failure")
        let lines = try #require(outcome.output.first).split(separator: "\n").map(String.init)
        #expect(Array(lines.drop { !$0.hasPrefix("not checked: ") }.prefix(expected.count)) == expected, "\(lines)")
        #expect(lines.last?.hasPrefix("\(suite.results.count) passed, 0 failed, 5 not checked (") == true, "\(lines)")
    }

    static let fixtureCases: [(activation: String, loss: String)] = {
        ["identity", "relu", "sigmoid", "tanh", "leaky_relu", "elu", "softplus", "gelu"].flatMap { activation in
            ["mse", "huber", "bce_with_logits", "softmax_cross_entropy"].map { (activation, $0) }
        }
    }()


    /// out = activation(x Wᵀ + b) and its gradients, against PyTorch (gradients.json).
    @Test(arguments: fixtureCases)
    func matchesPyTorchGradients(activation: String, loss lossName: String) throws {
        let fixture = try loadFixture("gradients")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        let reference = try #require(cases.first { $0["activation"] as? String == activation && $0["loss"] as? String == lossName })
        let x = matrix(fixture["x"])
        let dense = Dense(weight: matrix(fixture["W"]), bias: doubles(fixture["b"]))
        // Both from their registries with default settings (leaky_relu 0.01, elu 1, softplus 20, huber 1), as torch's.
        var random = RandomGenerator(seed: 1)
        let layer: any Layer<Double> = try Catalog.builtIn.make(\.activations, activation).makeLayer(inputSize: dense.units, random: &random, as: Double.self)
        let model = Sequential(inputSize: 4, layers: [dense, layer])
        let loss = try Catalog.builtIn.make(\.losses, lossName)
        let target: Matrix<Double> = switch loss.targets {
        case .classIndices: Matrix(column: doubles(fixture["targets_class"]))
        case .binary: matrix(fixture["targets_binary"])
        case .values: matrix(fixture["targets_regression"])
        }
        let output = model.forward(x, training: true)
        let value = loss.value(prediction: output, target: target)
        var gradient = Matrix<Double>(rows: 0, columns: 0)
        loss.gradient(prediction: output, target: target, into: &gradient)
        model.backward(input: x, outputGradient: gradient, needsInputGradient: true)

        let tolerance = 1e-9
        #expect(isClose(value, try #require(reference["loss_value"] as? Double), relative: tolerance))
        expectClose(dense.weight.gradient.storage, matrix(reference["grad_W"]).storage, relative: tolerance, "grad_W")
        expectClose(dense.bias.gradient.storage, doubles(reference["grad_b"]), relative: tolerance, "grad_b")
        expectClose(model.inputGradient.storage, matrix(reference["grad_x"]).storage, relative: tolerance, "grad_x")
    }

    @Test func lossesStayFiniteForLargeLogits() {
        let logits = Matrix<Double>([[1000, -1000], [-800, 900]])
        let classes = Matrix<Double>(column: [1, 0])
        let binary = Matrix<Double>([[0, 1], [1, 0]])
        let crossEntropy = SoftmaxCrossEntropy().value(prediction: logits, target: classes)
        #expect(crossEntropy == 1850)  // (2000 + 1700) / 2, exact in log-sum-exp form
        let bce = BinaryCrossEntropyWithLogits().value(prediction: logits, target: binary)
        #expect(bce == 925)  // (1000 + 1000 + 800 + 900) / 4
        var gradient = Matrix<Double>(rows: 0, columns: 0)
        SoftmaxCrossEntropy().gradient(prediction: logits, target: classes, into: &gradient)
        #expect(gradient.allFinite())
        #expect(gradient.storage == [0.5, -0.5, -0.5, 0.5])
    }

    @Test func accuracyCountsCorrectRows() {
        // The models pass their inputs through, so the inputs are the outputs.
        let passThrough3 = Sequential<Double>(inputSize: 3, layers: [Dense(weight: Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), bias: [0, 0, 0])])
        let logits = DataSplit(inputs: Matrix<Double>([[2, 1, 0], [0, 3, 1], [1, 0, 5]]), targets: Matrix(column: [0, 1, 0]))
        let classes = Evaluator<Double>(countsClasses: true)
        #expect(classes.evaluate(model: passThrough3, loss: SoftmaxCrossEntropy(), on: logits).accuracy == 2.0 / 3)
        let passThrough1 = Sequential<Double>(inputSize: 1, layers: [Dense(weight: Matrix([[1]]), bias: [0])])
        let scores = DataSplit(inputs: Matrix<Double>(column: [1.5, -0.2, 0.3]), targets: Matrix(column: [1, 0, 0]))
        #expect(classes.evaluate(model: passThrough1, loss: BinaryCrossEntropyWithLogits(), on: scores).accuracy == 2.0 / 3)
        #expect(classes.evaluate(model: passThrough1, loss: MeanSquaredError(), on: scores).accuracy == 1)
        #expect(Evaluator<Double>().evaluate(model: passThrough1, loss: MeanSquaredError(), on: scores).accuracy == nil)
    }

    @Test func softmaxCrossEntropyRejectsLabelsOutOfRange() {
        let problem = SoftmaxCrossEntropy().targetProblem(predictionColumns: 3, target: Matrix(column: [0, 3]))
        #expect(problem?.contains("class label 3.0") == true)
    }
}

/// `scale·x + shift`: an activation a plugin might add, which cannot be made
/// without its two settings.
private struct Affine: Activation {
    static let name = "affine"
    static let summary = "scale·x + shift"
    let scale: Double
    let shift: Double
    init(settings: Settings) throws {
        scale = try settings.double("scale", default: nil)
        shift = try settings.double("shift", default: nil)
    }
    func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar { Scalar(scale) * x + Scalar(shift) }
    func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar { Scalar(scale) }
}

/// A layer whose defaults give 1000 times its inputs: too wide for the suite.
private struct Widen: LayerSpec {
    static let name = "widen"
    static let summary = "each input repeated `times` times"
    let times: Int
    init(settings: Settings) throws { times = try settings.int("times", default: 1000, .count) }
    func outputSize(inputSize: Int) -> Int { inputSize * times }
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        throw ComponentError("widen is refused for its width before it is built")
    }
}

/// A layer that is made from its defaults but cannot be built here.
private struct Unbuildable: LayerSpec {
    static let name = "unbuildable"
    static let summary = "a layer for hardware this machine lacks"
    init(settings: Settings) {}
    func outputSize(inputSize: Int) -> Int { inputSize }
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        throw ComponentError("unbuildable needs a device this test does not have")
    }
}

/// `weight` times the mean squared error: a loss that cannot be made without its weight.
private struct WeightedSquaredError: Loss {
    static let name = "weighted_squared_error"
    static let summary = "weight · mean squared error"
    let weight: Double
    init(settings: Settings) throws { weight = try settings.double("weight", default: nil, .positive) }
    var targets: LossTargets { .values }
    func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        Scalar(weight) * MeanSquaredError().value(prediction: prediction, target: target)
    }
    func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        MeanSquaredError().gradient(prediction: prediction, target: target, into: &gradient)
        for index in gradient.storage.indices { gradient.storage[index] *= Scalar(weight) }
    }
}

@Suite struct LayerBehaviourTests {
    @Test func dropoutZeroesAndRescalesOnlyInTraining() {
        let dropout = Dropout<Double>(probability: 0.5, seed: 1)
        let input = Matrix<Double>(rows: 100, columns: 100, repeating: 1)
        var output = Matrix<Double>(rows: 0, columns: 0)
        dropout.forward(input, into: &output, training: true)
        let zeros = output.storage.filter { $0 == 0 }.count
        #expect(Set(output.storage) == [0, 2])
        #expect(abs(Double(zeros) / 10_000 - 0.5) < 0.03)
        dropout.forward(input, into: &output, training: false)
        #expect(output == input)
    }

    @Test func batchNormUsesBatchStatisticsInTrainingAndRunningOnesInEvaluation() {
        let norm = BatchNorm<Double>(features: 1, momentum: 0.1, epsilon: 1e-5)
        let input = Matrix<Double>(column: [1, 2, 3, 6])
        var output = Matrix<Double>(rows: 0, columns: 0)
        norm.forward(input, into: &output, training: true)
        // mean 3, biased variance 3.5, unbiased 14/3
        let inverse = 1 / (3.5 + 1e-5).squareRoot()
        expectClose(output.storage, [-2, -1, 0, 3].map { $0 * inverse }, relative: 1e-12, "normalised")
        #expect(isClose(norm.runningMean.value.storage[0], 0.3, relative: 1e-12))
        #expect(isClose(norm.runningVariance.value.storage[0], 0.9 + 0.1 * 14 / 3, relative: 1e-12))
        norm.forward(input, into: &output, training: false)
        let runningInverse = 1 / (norm.runningVariance.value.storage[0] + 1e-5).squareRoot()
        expectClose(output.storage, [1, 2, 3, 6].map { ($0 - 0.3) * runningInverse }, relative: 1e-12, "evaluation")
    }

    @Test func stepWarnsThatItBlocksGradients() {
        let model = Sequential<Double>(inputSize: 1, layers: [Dense(weight: Matrix([[1]]), bias: [0]), ActivationLayer(Step())])
        #expect(model.trainingWarnings.count == 1)
        #expect(model.trainingWarnings[0].contains("zero gradient"))
        let input = Matrix<Double>(column: [0.5, -0.5])
        let output = model.forward(input, training: true)
        #expect(output.storage == [1, 0])
        model.backward(input: input, outputGradient: Matrix(column: [1, 1]))
        #expect(model.parameters.allSatisfy { $0.gradient.storage.allSatisfy { $0 == 0 } })
    }

    @Test func initializersHaveTheDocumentedScale() {
        var random = RandomGenerator(seed: 9)
        let fanIn = 400, fanOut = 100, count = 40_000
        func standardDeviation(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        }
        let he = HeNormal().sample(count: count, fanIn: fanIn, fanOut: fanOut, random: &random)
        #expect(abs(standardDeviation(he) - (2.0 / 400).squareRoot()) < 0.002)
        let xavier = XavierUniform(gain: 1).sample(count: count, fanIn: fanIn, fanOut: fanOut, random: &random)
        let bound = (6.0 / 500).squareRoot()
        #expect(xavier.allSatisfy { abs($0) <= bound })
        #expect(xavier.max()! > 0.95 * bound)
        #expect(Zeros().sample(count: 3, fanIn: 1, fanOut: 1, random: &random) == [0, 0, 0])
        #expect(Constant(value: 0.5).sample(count: 2, fanIn: 1, fanOut: 1, random: &random) == [0.5, 0.5])
    }
}
