import Foundation
import BackpropOutput

/// Training speed, for `backprop bench` and `make bench`.
///
/// The workload is the one `bench/peers.py` runs in PyTorch, JAX and
/// scikit-learn: an MLP of Dense + ReLU layers (He-uniform weights, zero
/// biases), softmax cross-entropy, shuffled float32 mini-batches, and any
/// registered optimizer (`optimizer(_:)`), on one of the `DataChoice`s: the real Fashion-MNIST
/// training images (pixels scaled to [0, 1]) or the synthetic `teacher`
/// dataset (standard normal inputs labelled by the argmax of x·W for a fixed
/// random W). Only the epochs are timed (the Trainer's own clock, which
/// excludes the per-epoch evaluation), never data loading or model construction.
package enum Benchmark {
    /// The registered optimizer `name` with the settings bench/peers.py gives
    /// PyTorch, JAX and scikit-learn: SGD with lr 0.01 and momentum 0.9, Adam
    /// with lr 0.001. Any other runs with its defaults, and with SGD's lr where
    /// it has no default one (momentum).
    package static func optimizer(_ name: String, in catalog: Catalog) throws -> any OptimizerRule {
        let settings: ConfigValue
        switch name {
        case SGD.name: settings = ["lr": 0.01, "momentum": 0.9]
        case Adam.name: settings = ["lr": 0.001]
        default: settings = catalog.requiredSettings(of: name, in: \.optimizers).contains("lr") ? ["lr": 0.01] : [:]
        }
        do {
            return try catalog.make(\.optimizers, name, settings)
        } catch {
            throw ComponentError("bench: --optimizer: \(error)")
        }
    }

    /// The data a benchmark trains on.
    package enum DataChoice: String, CaseIterable, Sendable {
        /// Gaussian inputs labelled by a random linear teacher, `samples` rows.
        case teacher
        /// The 60,000 Fashion-MNIST training images (or the first `samples`),
        /// with the 10,000 test images for `--test-accuracy`.
        case fashionMNIST = "fashion-mnist"
    }

    /// One training run: the seconds of each epoch, the training loss after the
    /// last, and the test accuracy when asked for.
    package struct Measurement: Sendable {
        package var secondsPerEpoch: [Double]
        package var finalLoss: Double
        package var testAccuracy: Double?
    }

    /// What `backprop bench` prints: the median over repetitions of each
    /// repetition's mean seconds per epoch.
    package struct Timing: Codable, Sendable {
        package var implementation = "backprop"
        package var threads: Int
        package var layers: [Int]
        package var samples: Int
        package var batch: Int
        package var epochs: Int
        package var optimizer: String
        package var data: String
        package var learningRate: Double
        package var repetitions: Int
        /// Median over repetitions of (training seconds / epochs).
        package var secondsPerEpoch: Double
        /// Optimizer steps (mini-batches) per epoch.
        package var stepsPerEpoch: Int
        package var secondsPerStep: Double
        package var samplesPerSecond: Double
        /// Each repetition's mean seconds per epoch, in run order.
        package var runs: [Double]
        /// Training loss after the last epoch of the last repetition.
        package var finalLoss: Double
        /// Accuracy on the test images after the last repetition (Fashion-MNIST with `--test-accuracy`).
        package var testAccuracy: Double?
        /// The BLAS kernel and CPU, as `backprop --version` shows them.
        package var kernel: String

        /// `lr` and `repeat` as bench/peers.py writes them; the encoder writes the others in snake_case.
        enum CodingKeys: String, CodingKey {
            case implementation, threads, layers, samples, batch, epochs, optimizer, data, runs, kernel
            case secondsPerEpoch, stepsPerEpoch, secondsPerStep, samplesPerSecond, finalLoss, testAccuracy
            case learningRate = "lr", repetitions = "repeat"
        }
    }

    /// What `backprop bench` is asked to time.
    package struct Workload: Sendable {
        package var layers: [Int]
        package var data: DataChoice
        /// Training rows: all of Fashion-MNIST's 60,000 when nil; the teacher needs a number.
        package var samples: Int?
        package var batch: Int
        package var epochs: Int
        /// A registered optimizer's name (`Benchmark.optimizer(_:)`).
        package var optimizer: String
        package var threads: Int
        package var repetitions: Int
        package var seed: UInt64
        /// Also measure accuracy on Fashion-MNIST's 10,000 test images after training.
        package var testAccuracy: Bool
        /// Untimed training before the timed repetitions. OpenBLAS's idle workers
        /// spin for about 0.1 s after the library loads; a workload that takes
        /// milliseconds would otherwise be timed beside them.
        package var warmUpSeconds: Double

        package init(layers: [Int], data: DataChoice, samples: Int?, batch: Int, epochs: Int, optimizer: String,
                    threads: Int, repetitions: Int, seed: UInt64, testAccuracy: Bool, warmUpSeconds: Double = 0) {
            self.layers = layers
            self.data = data
            self.samples = samples
            self.batch = batch
            self.epochs = epochs
            self.optimizer = optimizer
            self.threads = threads
            self.repetitions = repetitions
            self.seed = seed
            self.testAccuracy = testAccuracy
            self.warmUpSeconds = warmUpSeconds
        }
    }

    /// The `teacher` dataset: Gaussian inputs, class-index targets from a random linear teacher.
    package static func syntheticData(features: Int, classes: Int, samples: Int, seed: UInt64) throws -> DataSplit<Float> {
        let settings: ConfigValue = ["samples": ConfigValue(integerLiteral: samples), "features": ConfigValue(integerLiteral: features),
                                     "classes": ConfigValue(integerLiteral: classes), "seed": ConfigValue(.scalar(String(seed), plain: true))]
        return try TeacherDataset(settings).load(as: Float.self, context: DatasetContext(baseDirectory: "")).train
    }

    /// The training rows (and, for Fashion-MNIST, the test images) of `workload`.
    static func data(for workload: Workload) throws -> (train: DataSplit<Float>, test: DataSplit<Float>?) {
        let layers = workload.layers
        switch workload.data {
        case .teacher:
            guard let samples = workload.samples else { throw ComponentError("bench: --data teacher needs --samples") }
            return (try syntheticData(features: layers[0], classes: layers[layers.count - 1], samples: samples, seed: workload.seed), nil)
        case .fashionMNIST:
            let loaded = try FashionMNISTDataset(["scaling": "unit"]).load(as: Float.self, context: DatasetContext(baseDirectory: ""))
            guard layers[0] == loaded.train.features, layers[layers.count - 1] == 10 else {
                throw ComponentError("bench: Fashion-MNIST needs --layers 784 ... 10 (784 pixels, 10 classes), got \(layers)")
            }
            var train = loaded.train
            if let samples = workload.samples {
                guard samples <= train.count else {
                    throw ComponentError("bench: --samples \(samples) is more than Fashion-MNIST's \(train.count) training images")
                }
                train = train.subset(0..<samples)
            }
            return (train, loaded.test)
        }
    }

    /// Trains a fresh MLP on `data` and returns the time of each epoch (and the
    /// accuracy on `test`, when given).
    package static func trainingThroughput(
        layers: [Int], data: DataSplit<Float>, test: DataSplit<Float>? = nil, batch: Int, epochs: Int,
        optimizer: any OptimizerRule, threads: Int, seed: UInt64
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
        let loss = SoftmaxCrossEntropy()
        let trainer = Trainer(
            model: model, loss: loss, optimizer: Optimizer<Float>(optimizer),
            configuration: TrainingConfiguration(epochs: epochs, batchSize: .samples(batch), shuffle: true, seed: seed))
        let history = trainer.train(on: data)
        if history.diverged {
            throw ComponentError("bench: training diverged at epoch \(history.divergedAtEpoch ?? 0)")
        }
        let cumulative = history.records.map(\.seconds)
        let perEpoch = zip(cumulative.dropFirst(), cumulative).map { $0 - $1 }
        let accuracy = test.map { Evaluator<Float>(countsClasses: true).evaluate(model: model, loss: loss, on: $0).accuracy ?? .nan }
        return Measurement(secondsPerEpoch: perEpoch, finalLoss: history.last?.loss ?? .nan, testAccuracy: accuracy)
    }

    /// Runs `repetitions` fresh trainings on one data set and summarizes them.
    package static func run(_ workload: Workload, catalog: Catalog) throws -> Timing {
        let layers = workload.layers
        try validate(layers: layers, samples: workload.samples ?? 1, batch: workload.batch, epochs: workload.epochs,
                     threads: workload.threads)
        guard workload.repetitions > 0 else { throw ComponentError("bench: repeat must be > 0, got \(workload.repetitions)") }
        if workload.testAccuracy && workload.data != .fashionMNIST {
            throw ComponentError("bench: --test-accuracy needs --data fashion-mnist (the teacher has no test set)")
        }
        guard workload.warmUpSeconds.isFinite, (0...60).contains(workload.warmUpSeconds) else {
            throw ComponentError("bench: warm-up must be between 0 and 60 seconds, got \(workload.warmUpSeconds)")
        }
        let rule = try optimizer(workload.optimizer, in: catalog)
        let data = try data(for: workload)
        let clock = ContinuousClock()
        let warmUpEnd = clock.now + .seconds(workload.warmUpSeconds)
        while clock.now < warmUpEnd {
            _ = try trainingThroughput(layers: layers, data: data.train, batch: workload.batch, epochs: 1,
                                       optimizer: rule, threads: workload.threads, seed: workload.seed)
        }
        var runs: [Double] = []
        var last: Measurement?
        for repetition in 0..<workload.repetitions {
            let measurement = try trainingThroughput(
                layers: layers, data: data.train, test: workload.testAccuracy ? data.test : nil, batch: workload.batch,
                epochs: workload.epochs, optimizer: rule, threads: workload.threads,
                seed: workload.seed &+ UInt64(repetition))
            runs.append(measurement.secondsPerEpoch.reduce(0, +) / Double(max(measurement.secondsPerEpoch.count, 1)))
            last = measurement
        }
        let middle = median(runs)
        let samples = data.train.count
        let steps = (samples + workload.batch - 1) / workload.batch
        return Timing(
            threads: workload.threads, layers: layers, samples: samples, batch: workload.batch, epochs: workload.epochs,
            optimizer: workload.optimizer, data: workload.data.rawValue,
            learningRate: rule.learningRate, repetitions: workload.repetitions,
            secondsPerEpoch: middle, stepsPerEpoch: steps, secondsPerStep: middle / Double(steps),
            samplesPerSecond: middle > 0 ? Double(samples) / middle : 0, runs: runs,
            finalLoss: last?.finalLoss ?? .nan, testAccuracy: last?.testAccuracy, kernel: BLASKernel.description)
    }

    /// The checks every benchmark's sizes pass (the sgemm reference's too).
    static func validate(layers: [Int], samples: Int, batch: Int, epochs: Int, threads: Int) throws {
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
