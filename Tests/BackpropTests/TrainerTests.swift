import AllocationCounter
import Foundation
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

/// Noisy XOR: the four corners of the unit square, label = x1 XOR x2.
func xorData(samples: Int, noise: Double, seed: UInt64) -> DataSplit<Double> {
    var random = RandomGenerator(seed: seed)
    var inputs: [Double] = []
    var labels: [Double] = []
    for index in 0..<samples {
        let a = Double(index % 2), b = Double((index / 2) % 2)
        inputs += [a + random.normal(standardDeviation: noise), b + random.normal(standardDeviation: noise)]
        labels.append(a == b ? 0 : 1)
    }
    return DataSplit(inputs: Matrix(rows: samples, columns: 2, storage: inputs), targets: Matrix(column: labels))
}

func xorModel(seed: UInt64, hidden: Int = 8) -> Sequential<Double> {
    var random = RandomGenerator(seed: seed)
    return Sequential(inputSize: 2, layers: [
        Dense(inputSize: 2, units: hidden, weightInitializer: XavierUniform(gain: 1), biasInitializer: Zeros(), random: &random), ActivationLayer(Tanh()),
        Dense(inputSize: hidden, units: 1, weightInitializer: XavierUniform(gain: 1), biasInitializer: Zeros(), random: &random),
    ])
}

@Suite struct TrainerTests {
    static let missionMethods: [(label: String, batch: BatchSize, optimizer: String, settings: ConfigValue)] = [
        ("batch GD", .full, "sgd", ["lr": 0.5]),
        ("SGD", .samples(1), "sgd", ["lr": 0.05]),
        ("mini-batch", .samples(16), "sgd", ["lr": 0.3]),
        ("momentum", .samples(16), "momentum", ["lr": 0.05]),
        ("RMSprop", .samples(16), "rmsprop", ["lr": 0.01]),
        ("Adam", .samples(16), "adam", ["lr": 0.02]),
    ]

    @Test(arguments: missionMethods.indices)
    func everyMissionMethodLearnsXOR(method: Int) throws {
        let (label, batch, name, settings) = Self.missionMethods[method]
        let data = xorData(samples: 200, noise: 0.1, seed: 3)
        let trainer = Trainer(
            model: xorModel(seed: 5), loss: BinaryCrossEntropyWithLogits(), optimizer: try optimizer(name, settings),
            configuration: TrainingConfiguration(epochs: 300, batchSize: batch, shuffle: true, seed: 9,
                                                 stopping: StoppingCriteria(lossBelow: 0.02)))
        let history = trainer.train(on: data)
        let last = try #require(history.last)
        #expect(last.accuracy == 1.0, "\(label): accuracy \(last.accuracy ?? -1) after \(last.epoch) epochs, loss \(last.loss)")
        #expect(!history.diverged)
        #expect(history.records[0].epoch == 0 && history.records[0].batchLoss == nil)
        #expect(last.loss < history.records[0].loss)
    }

    /// Same network, data order, batch size and torch.optim settings as PyTorch
    /// (torch_runs.json, float64): the per-epoch training loss matches to 1e-9.
    @Test func missionMethodsFollowPyTorchEpochByEpoch() throws {
        let fixture = try loadFixture("torch_runs")
        let initial = try #require(fixture["initial"] as? [String: Any])
        let data = DataSplit(inputs: matrix(fixture["X"]), targets: matrix(fixture["Y"]))
        let runs = try #require(fixture["runs"] as? [[String: Any]])
        #expect(runs.count == 6)
        for run in runs {
            let model = Sequential(inputSize: 2, layers: [
                Dense(weight: matrix(initial["W1"]), bias: doubles(initial["b1"])), ActivationLayer(Tanh()),
                Dense(weight: matrix(initial["W2"]), bias: doubles(initial["b2"])),
            ])
            let batch: BatchSize = (run["batch"] as? Int).map { .samples($0) } ?? .full
            let optimizer = try optimizer(run["optimizer"] as! String, configValue(run["settings"]))
            let trainer = Trainer(model: model, loss: BinaryCrossEntropyWithLogits(), optimizer: optimizer,
                                  configuration: TrainingConfiguration(epochs: fixture["epochs"] as! Int, batchSize: batch, shuffle: false))
            let history = trainer.train(on: data)
            expectClose(history.records.map(\.loss), doubles(run["loss_per_epoch"]), relative: 1e-9, "\(run["label"]!)")
        }
    }

    @Test func sameSeedSameRunDifferentSeedDifferentRun() {
        func run(_ seed: UInt64) -> [Double] {
            Trainer(model: xorModel(seed: 1), loss: BinaryCrossEntropyWithLogits(), optimizer: try! optimizer("sgd", ["lr": 0.1]),
                    configuration: TrainingConfiguration(epochs: 5, batchSize: .samples(8), shuffle: true, seed: seed))
                .train(on: xorData(samples: 40, noise: 0.1, seed: 2)).records.map(\.loss)
        }
        #expect(run(4) == run(4))
        #expect(run(4) != run(5))
    }

    @Test func divergenceEndsTheRunWithoutPoisoningAnother() throws {
        let data = xorData(samples: 40, noise: 0.1, seed: 2)
        let wild = Trainer(model: xorModel(seed: 1), loss: MeanSquaredError(), optimizer: try optimizer("sgd", ["lr": 50]),
                           configuration: TrainingConfiguration(epochs: 100, batchSize: .full, shuffle: true))
        let history = wild.train(on: data)
        #expect(history.stopReason == .diverged)
        let epoch = try #require(history.divergedAtEpoch)
        #expect(epoch < 100)
        #expect(history.records.count == epoch + 1)

        let calm = Trainer(model: xorModel(seed: 1), loss: MeanSquaredError(), optimizer: try optimizer("sgd", ["lr": 0.1]),
                           configuration: TrainingConfiguration(epochs: 20, batchSize: .full, shuffle: true))
        let fine = calm.train(on: data)
        #expect(fine.stopReason == .completed)
        #expect(fine.records.allSatisfy { $0.loss.isFinite })
    }

    @Test func stoppingCriteriaRecordTheirReason() throws {
        let data = xorData(samples: 40, noise: 0.1, seed: 2)
        func train(_ stopping: StoppingCriteria, epochs: Int = 2000) throws -> TrainingHistory {
            Trainer(model: xorModel(seed: 1), loss: BinaryCrossEntropyWithLogits(), optimizer: try optimizer("adam", ["lr": 0.05]),
                        configuration: TrainingConfiguration(epochs: epochs, batchSize: .samples(10), shuffle: true, stopping: stopping))
                .train(on: data)
        }
        let threshold = try train(StoppingCriteria(lossBelow: 0.05))
        #expect(threshold.stopReason == .lossBelow)
        let epoch = try #require(threshold.thresholdEpoch)
        #expect(threshold.records[epoch].loss < 0.05 && threshold.records[epoch - 1].loss >= 0.05)
        #expect(threshold.thresholdSeconds == threshold.records[epoch].seconds)

        let converged = try train(StoppingCriteria(minDelta: 1e-3, patience: 3))
        #expect(converged.stopReason == .converged)
        let tail = converged.records.suffix(4).map(\.loss)
        #expect(zip(tail, tail.dropFirst()).allSatisfy { abs($0 - $1) < 1e-3 })

        let timed = try train(StoppingCriteria(maxSeconds: 0.000001))
        #expect(timed.stopReason == .timeLimit)
        #expect(timed.records.count == 2)

        let completed = try train(StoppingCriteria(), epochs: 3)
        #expect(completed.stopReason == .completed && completed.records.count == 4)
    }

    @Test func metricsFollowTheEpochConvention() throws {
        let data = xorData(samples: 30, noise: 0.1, seed: 2)
        let validation = xorData(samples: 12, noise: 0.1, seed: 8)
        let trainer = Trainer(model: xorModel(seed: 1), loss: BinaryCrossEntropyWithLogits(), optimizer: try optimizer("sgd", ["lr": 0.1]),
                              schedule: try StepSchedule(["step_size": 2, "gamma": 0.5]),
                              configuration: TrainingConfiguration(epochs: 4, batchSize: .samples(8), shuffle: true, recordStepLosses: true))
        let history = trainer.train(on: data, validation: validation)
        #expect(history.records.map(\.epoch) == [0, 1, 2, 3, 4])
        #expect(history.records.map(\.step) == [0, 4, 8, 12, 16])        // 30 samples in batches of 8: 4 steps
        #expect(history.records.map(\.samplesSeen) == [0, 30, 60, 90, 120])
        #expect(history.records.map(\.learningRate) == [0.1, 0.1, 0.1, 0.05, 0.05])
        #expect(history.stepLosses.count == 16)
        let first = history.records[1]
        #expect(isClose(try #require(first.batchLoss), history.stepLosses.prefix(4).reduce(0, +) / 4, relative: 1e-12))
        #expect(first.validationLoss != nil && first.validationAccuracy != nil)
        #expect(history.layerNames == ["layer1.dense", "layer3.dense"])
        #expect(first.layerGradientNorms.count == 2)
        let global = try #require(first.gradientNorm)
        #expect(global > 0 && first.layerGradientNorms.allSatisfy { $0 > 0 && $0 <= global + 1e-12 })
        #expect(zip(history.records, history.records.dropFirst()).allSatisfy { $0.seconds <= $1.seconds })
    }

    @Test func clippingByNormAndByValue() {
        let a = Parameter(name: "a", value: Matrix([[0, 0]]))
        let b = Parameter(name: "b", value: Matrix([[0]]))
        a.gradient.storage = [3, 0]
        b.gradient.storage = [4]
        GradientClipping.norm(1).apply(to: [a, b], globalNorm: 5)
        let clipped = (a.gradient.sumOfSquares + b.gradient.sumOfSquares).squareRoot()
        #expect(abs(clipped - 1) < 1e-6)
        #expect(isClose(a.gradient.storage[0] / b.gradient.storage[0], 0.75, relative: 1e-12))
        a.gradient.storage = [3, -0.2]
        GradientClipping.value(0.5).apply(to: [a], globalNorm: 0)
        #expect(a.gradient.storage == [0.5, -0.2])
    }

    @Test func schedulesGiveTheDocumentedRates() throws {
        #expect(try StepSchedule(["step_size": 10, "gamma": 0.1]).learningRate(epoch: 25, base: 1, totalEpochs: 50) == 0.1 * 0.1)
        #expect(try ExponentialSchedule(["gamma": 0.5]).learningRate(epoch: 3, base: 1, totalEpochs: 5) == 0.125)
        let cosine = try CosineSchedule(["warmup": 2])
        #expect(cosine.learningRate(epoch: 0, base: 1, totalEpochs: 12) == 0.5)
        #expect(cosine.learningRate(epoch: 2, base: 1, totalEpochs: 12) == 1)
        #expect(abs(cosine.learningRate(epoch: 7, base: 1, totalEpochs: 12) - 0.5) < 1e-12)
        #expect(cosine.learningRate(epoch: 12, base: 1, totalEpochs: 12) < 1e-12)
        #expect(try WarmupSchedule(["epochs": 4]).learningRate(epoch: 1, base: 1, totalEpochs: 10) == 0.5)
        let fresh = try PlateauSchedule(["factor": 0.5, "patience": 1])
        var plateau = fresh
        for loss in [1.0, 0.9, 0.9, 0.9] { plateau.observe(loss: loss) }
        #expect(plateau.learningRate(epoch: 4, base: 1, totalEpochs: 10) == 0.5)
        // A schedule is a value: the copy each run starts from keeps its own state.
        #expect(fresh.learningRate(epoch: 4, base: 1, totalEpochs: 10) == 1)
    }
}

#if DEBUG
let isOptimizedBuild = false
#else
let isOptimizedBuild = true
#endif

/// Counted with a malloc interposer (Sources/AllocationCounter), in an optimized
/// build: debug builds run unspecialized generic code, which allocates.
@Suite struct AllocationTests {
    /// The loop's promise: once buffers are warm, a step allocates nothing.
    @Test(.enabled(if: isOptimizedBuild, "unspecialized debug code allocates; `make test` runs optimized"), arguments: Catalog.builtIn.optimizers.names)
    func warmTrainingStepAllocatesNothing(optimizer name: String) throws {
        var random = RandomGenerator(seed: 4)
        let model = Sequential<Float>(inputSize: 2, layers: [
            Dense(inputSize: 2, units: 16, weightInitializer: HeNormal(), biasInitializer: Zeros(), random: &random), ActivationLayer(ReLU()),
            BatchNorm(features: 16, momentum: 0.1, epsilon: 1e-5), Dropout(probability: 0.2),
            Dense(inputSize: 16, units: 3, weightInitializer: HeNormal(), biasInitializer: Zeros(), random: &random),
        ])
        // Every state buffer in use: momentum with Nesterov, centered RMSprop with momentum, AMSGrad, decoupled decay.
        let settings: ConfigValue = switch name {
        case "momentum": ["lr": 0.1, "nesterov": true]
        case "rmsprop": ["centered": true, "momentum": 0.5]
        case "adam": ["amsgrad": true]
        case "adamw": ["amsgrad": true, "weight_decay": 0.1]
        case "sgd": ["lr": 0.1, "weight_decay": 0.01]
        default: [:]
        }
        let optimizer = Optimizer<Float>(try Catalog.builtIn.make(\.optimizers, name, settings))
        let data = DataSplit<Float>(inputs: xorData(samples: 70, noise: 0.1, seed: 1).inputs.converted(),
                                    targets: Matrix(column: (0..<70).map { Float($0 % 3) }))
        let trainer = Trainer(model: model, loss: SoftmaxCrossEntropy(), optimizer: optimizer,
                              configuration: TrainingConfiguration(epochs: 2, batchSize: .samples(32), shuffle: true, clipping: .norm(1)))
        _ = trainer.train(on: data)
        let full = Array(0..<32)[...], partial = Array(64..<70)[...]
        allocation_counter_start()
        for _ in 0..<5 {
            _ = trainer.trainStep(data: data, rows: full)
            _ = trainer.trainStep(data: data, rows: partial)
        }
        let allocations = allocation_counter_stop()
        #expect(allocations == 0)

        // The counter itself works: an array that grows allocates.
        allocation_counter_start()
        var grown: [Int] = []
        for value in 0..<100 { grown.append(value) }
        #expect(allocation_counter_stop() > 0)
        #expect(grown.count == 100)
    }
}
