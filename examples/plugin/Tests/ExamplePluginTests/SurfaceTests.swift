import Foundation
import Testing
import Backprop  // public API only: what docs/extending.md promises a plugin

/// One component of every other kind a plugin may add (a layer, a loss, a
/// schedule, an initializer, a chart), written against the public API alone
/// and trained together: if the promised surface loses something a plugin
/// needs, this file stops compiling or these tests fail.
@Suite struct SurfaceTests {
    let catalog: Catalog
    init() throws { catalog = try Catalog.builtIn.adding(surfacePlugin) }

    static let experiment = """
        name: surface
        seeds: [1]
        dataset: {sine: {samples: 120}}
        model:
          - dense: {units: 8, init: lecun_normal}
          - tanh
          - scale: {init_value: 0.5}
          - dense: {units: 1, init: lecun_normal}
        loss: mae
        train:
          epochs: 40
          batch: 16
          schedule: {linear_decay: {end: 0.1}}
        runs:
          - {label: "Adam's", optimizer: {adam: {lr: 0.02}}}
        plots: [loss, final_loss]
        """

    @Test func aLayerLossScheduleAndInitializerOfThePluginsTrainTogether() throws {
        let plan = try ExperimentLoader(catalog: catalog).parse(Self.experiment, file: "surface.yaml")
        #expect(plan.model.map(\.name) == ["dense", "tanh", "scale", "dense"])
        let result = try ExperimentRunner.run(plan)
        let history = try #require(result.runs.first?.history)
        let first = try #require(history.records.first), last = try #require(history.last)
        #expect(last.loss < first.loss / 2, "mae \(first.loss) -> \(last.loss)")
        // The trainer asks the schedule for each epoch's rate, as the schedule says.
        let schedule = LinearDecay(end: 0.1)
        let expected = (0..<40).map { schedule.learningRate(epoch: $0, base: 0.02, totalEpochs: 40) }
        #expect(history.records.dropFirst().map(\.learningRate) == expected)
    }

    @Test func thePluginsLayerAndLossPassTheGradientCheck() throws {
        let results = GradientCheckSuite.run(catalog: catalog)
        for name in ["scale", "mae"] {
            let check = try #require(results.first { $0.component == name }, "\(name) was not checked")
            #expect(check.passed, "\(name): \(check.maxRelativeError) at \(check.worstEntry)")
        }
    }

    @Test func thePluginsChartDrawsWithUserTextQuoted() throws {
        let plan = try ExperimentLoader(catalog: catalog).parse(Self.experiment, file: "surface.yaml")
        let result = try ExperimentRunner.run(plan)
        let chart = try catalog.make(\.charts, "final_loss")
        #expect(!chart.drawnByDefault)
        let files = try #require(chart.draw(result))
        #expect(files.imageFile == "final_loss.png" && files.dataFiles.map(\.name) == ["final_loss.dat"])
        #expect(files.script.contains(Gnuplot.quoted("Adam's")))
        #expect(!files.script.contains("'Adam's'"))
    }

    @Test func theInitializerDrawsWithItsStandardDeviation() throws {
        var random = RandomGenerator(seed: 3)
        let initializer = try catalog.make(\.initializers, "lecun_normal", ["gain": 2])
        let values = initializer.sample(count: 20_000, fanIn: 16, fanOut: 4, random: &random)
        let std = (values.map { $0 * $0 }.reduce(0, +) / Double(values.count)).squareRoot()
        #expect(abs(std - 2 / 4) < 0.01, "std \(std), expected 0.5")
    }
}

let surfacePlugin = Plugin(name: "surface", sourceDigest: "tests") { catalog in
    try catalog.register(layer: ScaleSpec.self)
    try catalog.register(loss: MeanAbsoluteError.self)
    try catalog.register(schedule: LinearDecay.self)
    try catalog.register(initializer: LeCunNormal.self)
    try catalog.register(chart: FinalLossChart.self)
}

/// y = a ⊙ x with one trained factor per feature.
struct ScaleSpec: LayerSpec {
    static let name = "scale"
    static let summary = "multiplies each feature by a trained factor"
    let initialValue: Double

    init(settings: Settings) throws {
        initialValue = try settings.double("init_value", default: 1)
    }

    func outputSize(inputSize: Int) -> Int { inputSize }
    func parameterCount(inputSize: Int) -> Int { inputSize }
    func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) throws -> any Layer<Scalar> {
        ScaleLayer<Scalar>(features: inputSize, initialValue: Scalar(initialValue))
    }
}

final class ScaleLayer<Scalar: BLASScalar>: Layer {
    let kind = "scale"
    let factor: Parameter<Scalar>

    init(features: Int, initialValue: Scalar) {
        factor = Parameter(name: "factor", value: Matrix(rows: 1, columns: features, repeating: initialValue))
    }

    var parameters: [Parameter<Scalar>] { [factor] }

    func forward(_ input: Matrix<Scalar>, into output: inout Matrix<Scalar>, training: Bool) {
        output.reshape(rows: input.rows, columns: input.columns)
        for row in 0..<input.rows {
            for column in 0..<input.columns {
                output[row, column] = input[row, column] * factor.value.storage[column]
            }
        }
    }

    func backward(input: Matrix<Scalar>, output: Matrix<Scalar>, outputGradient: Matrix<Scalar>,
                  inputGradient: inout Matrix<Scalar>, needsInputGradient: Bool) {
        // ∂L/∂a_j = Σ_i ∂L/∂y_ij · x_ij; ∂L/∂x_ij = ∂L/∂y_ij · a_j
        for column in 0..<input.columns {
            var sum: Scalar = 0
            for row in 0..<input.rows { sum += outputGradient[row, column] * input[row, column] }
            factor.gradient.storage[column] = sum
        }
        guard needsInputGradient else { return }
        inputGradient.reshape(rows: input.rows, columns: input.columns)
        for row in 0..<input.rows {
            for column in 0..<input.columns {
                inputGradient[row, column] = outputGradient[row, column] * factor.value.storage[column]
            }
        }
    }
}

/// Mean absolute error, mean over all elements of |p − t|; slope sign(p − t)/N.
struct MeanAbsoluteError: Loss {
    static let name = "mae"
    static let summary = "mean absolute error over all elements"
    init(settings: Settings) {}

    var targets: LossTargets { .values }

    func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        elementwiseMean(prediction, target) { abs($0 - $1) }
    }

    func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        elementwiseMeanGradient(prediction, target, into: &gradient) { $0 > $1 ? 1 : $0 < $1 ? -1 : 0 }
    }
}

/// lr falls linearly from the base rate to `end` × base over the run.
struct LinearDecay: LearningRateSchedule {
    static let name = "linear_decay"
    static let summary = "falls linearly to end × lr"
    let end: Double

    init(end: Double) { self.end = end }
    init(settings: Settings) throws {
        end = try settings.double("end", default: 0, .probability)
    }

    func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * (1 - (1 - end) * Double(epoch) / Double(max(totalEpochs, 1)))
    }
}

/// LeCun normal (LeCun et al. 1998, JAX's lecun_normal): N(0, gain² / fan_in).
struct LeCunNormal: Initializer {
    static let name = "lecun_normal"
    static let summary = "normal with std gain/sqrt(fan_in)"
    let gain: Double

    init(settings: Settings) throws {
        gain = try settings.double("gain", default: 1, .positive)
    }

    func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let std = gain / Double(max(fanIn, 1)).squareRoot()
        return (0..<count).map { _ in random.normal(standardDeviation: std) }
    }
}

/// Each run's final training loss, one bar per run; drawn only when `plots:` names it.
struct FinalLossChart: Chart {
    static let name = "final_loss"
    static let summary = "final training loss of each run, as bars"
    init(settings: Settings) {}

    var drawnByDefault: Bool { false }

    func draw(_ result: ExperimentResult) -> ChartFiles? {
        let finals = result.labels.compactMap { label -> (String, Double)? in
            let losses = result.results(for: label).compactMap { $0.history.last?.loss }
            return losses.isEmpty ? nil : (label, losses.reduce(0, +) / Double(losses.count))
        }
        guard !finals.isEmpty else { return nil }
        let data = finals.enumerated().map { "\($0.offset) \($0.element.1)" }.joined(separator: "\n") + "\n"
        let tics = finals.enumerated().map { "\(Gnuplot.quoted($0.element.0)) \($0.offset)" }.joined(separator: ", ")
        let script = Gnuplot.header(output: "final_loss.png", width: 800, height: 500, curves: 1) + [
            "set title \(Gnuplot.quoted(result.plan.name + ": final loss"))",
            "set style fill solid 0.6",
            "set boxwidth 0.6",
            "set xtics (\(tics))",
            "plot 'final_loss.dat' using 1:2 with boxes notitle",
        ]
        return ChartFiles(name: Self.name, dataFiles: [("final_loss.dat", data)], script: script.joined(separator: "\n") + "\n")
    }
}
