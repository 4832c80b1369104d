import Foundation

/// Training speed on synthetic data, for `backprop bench` and `make bench`.
///
/// The workload is the one `bench/peers.py` runs in PyTorch, JAX and
/// scikit-learn: an MLP of Dense + ReLU layers (He-uniform weights, zero
/// biases), softmax cross-entropy, shuffled float32 mini-batches, and one of
/// the `OptimizerChoice`s, on the `teacher` dataset (standard normal inputs
/// labelled by the argmax of x·W for a fixed random W).
/// Only the epochs are timed (the Trainer's own clock, which excludes the
/// per-epoch evaluation), never data generation or model construction.
public enum Benchmark {
    /// The optimizers a benchmark can use, with the settings bench/peers.py
    /// gives PyTorch, JAX and scikit-learn too.
    public enum OptimizerChoice: String, CaseIterable, Sendable {
        case sgd, adam

        var settings: ConfigValue { self == .sgd ? ["lr": 0.01, "momentum": 0.9] : ["lr": 0.001] }

        func rule() throws -> any OptimizerRule { try Registries.optimizers.make(rawValue, settings) }

        /// The optimizer with all its settings, for help texts.
        public var summary: String { (try? rule().description) ?? rawValue }
    }

    /// One training run: the seconds of each epoch and the training loss after the last.
    public struct Measurement: Sendable {
        public var secondsPerEpoch: [Double]
        public var finalLoss: Double
    }

    /// What `backprop bench` prints: the median over repetitions of each
    /// repetition's mean seconds per epoch.
    public struct Timing: Codable, Sendable {
        public var implementation = "backprop"
        public var threads: Int
        public var layers: [Int]
        public var samples: Int
        public var batch: Int
        public var epochs: Int
        public var optimizer: String
        public var learningRate: Double
        public var repetitions: Int
        /// Median over repetitions of (training seconds / epochs).
        public var secondsPerEpoch: Double
        public var samplesPerSecond: Double
        /// Each repetition's mean seconds per epoch, in run order.
        public var runs: [Double]
        /// Training loss after the last epoch of the last repetition.
        public var finalLoss: Double

        enum CodingKeys: String, CodingKey {
            case implementation, threads, layers, samples, batch, epochs, optimizer
            case learningRate = "lr"
            case repetitions = "repeat"
            case secondsPerEpoch = "seconds_per_epoch"
            case samplesPerSecond = "samples_per_second"
            case runs
            case finalLoss = "final_loss"
        }
    }

    /// The `teacher` dataset: Gaussian inputs, class-index targets from a random linear teacher.
    public static func syntheticData(features: Int, classes: Int, samples: Int, seed: UInt64) throws -> DataSplit<Float> {
        let settings: ConfigValue = ["samples": ConfigValue(integerLiteral: samples), "features": ConfigValue(integerLiteral: features),
                                     "classes": ConfigValue(integerLiteral: classes), "seed": ConfigValue(.scalar(String(seed), plain: true))]
        return try TeacherDataset(settings).load(as: Float.self, context: DatasetContext(baseDirectory: "")).train
    }

    /// Trains a fresh MLP on fresh synthetic data and returns the time of each epoch.
    public static func trainingThroughput(
        layers: [Int], samples: Int, batch: Int, epochs: Int, optimizer: OptimizerChoice, threads: Int, seed: UInt64
    ) throws -> Measurement {
        try validate(layers: layers, samples: samples, batch: batch, epochs: epochs, threads: threads)
        let data = try syntheticData(features: layers[0], classes: layers[layers.count - 1], samples: samples, seed: seed)
        return try trainingThroughput(layers: layers, data: data, batch: batch, epochs: epochs,
                                      optimizer: optimizer, threads: threads, seed: seed)
    }

    /// Trains a fresh MLP on `data` and returns the time of each epoch.
    public static func trainingThroughput(
        layers: [Int], data: DataSplit<Float>, batch: Int, epochs: Int, optimizer: OptimizerChoice, threads: Int, seed: UInt64
    ) throws -> Measurement {
        try validate(layers: layers, samples: data.count, batch: batch, epochs: epochs, threads: threads)
        guard data.features == layers[0] else {
            throw ComponentError("bench: data has \(data.features) features, the first layer size is \(layers[0])")
        }
        BLASThreads.set(threads)
        var random = RandomGenerator(seed: seed &+ 1)
        var stack: [any Layer<Float>] = []
        for index in 1..<layers.count {
            stack.append(Dense<Float>(inputSize: layers[index - 1], units: layers[index],
                                      weightInitializer: HeUniform(), biasInitializer: Zeros(), random: &random))
            if index < layers.count - 1 { stack.append(ActivationLayer<ReLU, Float>(ReLU())) }
        }
        let model = Sequential<Float>(inputSize: layers[0], layers: stack)
        let trainer = Trainer(
            model: model, loss: SoftmaxCrossEntropy(), optimizer: Optimizer<Float>(try optimizer.rule()),
            configuration: TrainingConfiguration(epochs: epochs, batchSize: .samples(batch), shuffle: true, seed: seed))
        let history = trainer.train(on: data)
        if history.diverged {
            throw ComponentError("bench: training diverged at epoch \(history.divergedAtEpoch ?? 0)")
        }
        let cumulative = history.records.map(\.seconds)
        let perEpoch = zip(cumulative.dropFirst(), cumulative).map { $0 - $1 }
        return Measurement(secondsPerEpoch: perEpoch, finalLoss: history.last?.loss ?? .nan)
    }

    /// Runs `repetitions` fresh trainings on one data set and summarizes them.
    public static func run(
        layers: [Int], samples: Int, batch: Int, epochs: Int, optimizer: OptimizerChoice, threads: Int,
        repetitions: Int, seed: UInt64
    ) throws -> Timing {
        try validate(layers: layers, samples: samples, batch: batch, epochs: epochs, threads: threads)
        guard repetitions > 0 else { throw ComponentError("bench: repeat must be > 0, got \(repetitions)") }
        let data = try syntheticData(features: layers[0], classes: layers[layers.count - 1], samples: samples, seed: seed)
        var runs: [Double] = []
        var finalLoss = Double.nan
        for repetition in 0..<repetitions {
            let measurement = try trainingThroughput(
                layers: layers, data: data, batch: batch, epochs: epochs, optimizer: optimizer,
                threads: threads, seed: seed &+ UInt64(repetition))
            runs.append(measurement.secondsPerEpoch.reduce(0, +) / Double(max(measurement.secondsPerEpoch.count, 1)))
            finalLoss = measurement.finalLoss
        }
        let middle = median(runs)
        return Timing(
            threads: threads, layers: layers, samples: samples, batch: batch, epochs: epochs, optimizer: optimizer.rawValue,
            learningRate: try optimizer.rule().learningRate, repetitions: repetitions, secondsPerEpoch: middle,
            samplesPerSecond: middle > 0 ? Double(samples) / middle : 0, runs: runs, finalLoss: finalLoss)
    }

    private static func validate(layers: [Int], samples: Int, batch: Int, epochs: Int, threads: Int) throws {
        guard layers.count >= 2, layers.allSatisfy({ $0 > 0 }) else {
            throw ComponentError("bench: --layers needs at least two positive sizes (input, ..., classes), got \(layers)")
        }
        let weights = zip(layers, layers.dropFirst()).reduce(0) { total, pair in
            ModelSize.product(pair.0, pair.1, plus: pair.1).flatMap { ModelSize.product(1, total, plus: $0) } ?? Int.max
        }
        guard weights <= ModelSize.maximumParameters else {
            throw ComponentError("bench: --layers \(layers.map(String.init).joined(separator: " ")) would have more than \(ModelSize.maximumParameters) weights")
        }
        guard (ModelSize.product(samples, layers[0], plus: 0) ?? Int.max) <= 100_000_000 else {
            throw ComponentError("bench: --samples x the input size is more than the 100 million values the data may hold")
        }
        guard layers[layers.count - 1] >= 2 else {
            throw ComponentError("bench: the last layer is the number of classes and must be >= 2, got \(layers[layers.count - 1])")
        }
        guard samples > 0, batch > 0, epochs > 0, threads > 0 else {
            throw ComponentError("bench: samples, batch, epochs and threads must be > 0")
        }
    }
}
