import Foundation
import Testing
import Backprop  // public API only: this target stands for a package outside the library

/// Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"):
///
///     c = β1·m + (1 − β1)·g;  w = w − lr·(sign(c) + weight_decay·w);  m = β2·m + (1 − β2)·g
final class Lion<Scalar: BLASScalar>: Optimizer {
    var learningRate: Double
    let beta1: Double, beta2: Double, weightDecay: Double
    private var moments: [[Scalar]] = []
    private var steps = 0

    init(learningRate: Double, beta1: Double, beta2: Double, weightDecay: Double) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.weightDecay = weightDecay
    }

    var kind: String { "lion" }
    var description: String { "lion(lr: \(learningRate), betas: [\(beta1), \(beta2)], weight_decay: \(weightDecay))" }

    func step(_ parameters: [Parameter<Scalar>]) {
        if moments.count != parameters.count { moments = parameters.map { Array(repeating: 0, count: $0.count) } }
        let lr = Scalar(learningRate), b1 = Scalar(beta1), b2 = Scalar(beta2), decay = Scalar(weightDecay)
        for (index, parameter) in parameters.enumerated() {
            for i in parameter.value.storage.indices {
                let g = parameter.gradient.storage[i]
                let c = b1 * moments[index][i] + (1 - b1) * g
                let sign: Scalar = c > 0 ? 1 : (c < 0 ? -1 : 0)
                parameter.value.storage[i] -= lr * (sign + decay * parameter.value.storage[i])
                moments[index][i] = b2 * moments[index][i] + (1 - b2) * g
            }
        }
        steps += 1
    }

    func saveState() -> OptimizerState {
        OptimizerState(kind: kind, step: steps, buffers: ["exp_avg": moments.map { $0.map(Double.init) }])
    }

    func restoreState(_ state: OptimizerState) throws {
        moments = (state.buffers["exp_avg"] ?? []).map { $0.map { Scalar($0) } }
        steps = state.step
    }
}

struct LionSpec: OptimizerSpec {
    var learningRate: Double, beta1: Double, beta2: Double, weightDecay: Double
    var description: String { "lion(lr: \(learningRate))" }
    func makeOptimizer<Scalar: BLASScalar>(as scalar: Scalar.Type) throws -> any Optimizer<Scalar> {
        Lion<Scalar>(learningRate: learningRate, beta1: beta1, beta2: beta2, weightDecay: weightDecay)
    }
}

/// Two Gaussian clouds at (−1, −1) and (+1, +1): a custom dataset.
struct TwoCloudsDataset: Dataset {
    var samples: Int
    var description: String { "two_clouds(samples: \(samples))" }
    func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        var random = RandomGenerator(seed: 11)
        var inputs: [Scalar] = []
        var labels: [Scalar] = []
        for index in 0..<samples {
            let centre: Double = index % 2 == 0 ? -1 : 1
            inputs += [Scalar(centre + 0.4 * random.normal()), Scalar(centre + 0.4 * random.normal())]
            labels.append(index % 2 == 0 ? 0 : 1)
        }
        return LoadedDataset(
            train: DataSplit(inputs: Matrix(rows: samples, columns: 2, storage: inputs), targets: Matrix(column: labels)),
            featureNames: ["a", "b"], classNames: ["left", "right"])
    }
}

@Suite(.serialized) struct PluginTests {
    init() {
        Registries.optimizers.register("lion", summary: "sign of interpolated momentum (Chen et al. 2023)") { settings in
            let betas = try settings.doubles("betas", default: [0.9, 0.99], count: 2, .unitInterval)
            return LionSpec(learningRate: try settings.double("lr", default: 1e-4, .positive), beta1: betas[0], beta2: betas[1],
                            weightDecay: try settings.double("weight_decay", default: 0, .nonNegative))
        }
        Registries.datasets.register("two_clouds", summary: "two Gaussian clouds") { settings in
            TwoCloudsDataset(samples: try settings.int("samples", default: 100, .atLeastOne))
        }
    }

    @Test func anExperimentUsesTheRegisteredOptimizerAndDataset() throws {
        let plan = try ExperimentLoader.parse("""
            name: plugin-check
            seeds: [1, 2]
            dataset: {two_clouds: {samples: 80}}
            model: [{dense: {units: 4}}, relu, {dense: {units: 1}}]
            loss: bce_with_logits
            train: {epochs: 40, batch: 16}
            runs:
              - {label: Lion, optimizer: {lion: {lr: 0.01}}}
              - {label: Adam, optimizer: {adam: {lr: 0.01}}}
            """, file: "plugin.yaml")
        let result = try ExperimentRunner.run(plan)
        #expect(result.runs.count == 4)
        for run in result.runs {
            let first = try #require(run.history.records.first?.loss)
            let last = try #require(run.history.last)
            #expect(last.loss < first, "\(run.label) seed \(run.seed) did not learn")
            #expect((last.accuracy ?? 0) > 0.9)
        }
        #expect(result.classNames == ["left", "right"])
        #expect(plan.runs[0].optimizer.description == "lion(lr: 0.01)")
    }

    @Test func listShowsThePluginWithItsSettings() throws {
        let text = try ExperimentCommands.list(kind: "optimizers")
        #expect(text.contains("lion — sign of interpolated momentum"))
        #expect(text.contains("betas: [0.9, 0.99] (in [0, 1))"))
    }

    @Test func unknownSettingsOfAPluginAreStillErrors() {
        #expect {
            try ExperimentLoader.parse("""
                name: plugin-bad
                dataset: {two_clouds: {samples: 10}}
                model: [{dense: {units: 1}}]
                loss: bce_with_logits
                train: {optimizer: {lion: {lr: 0.01, beta: 0.9}}}
                """, file: "bad.yaml")
        } throws: { error in
            "\(error)" == "bad.yaml:5:38: unknown key 'beta' in lion settings (did you mean 'betas'?); known: betas, lr, weight_decay"
        }
    }
}
