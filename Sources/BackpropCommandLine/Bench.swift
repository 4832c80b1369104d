import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time training (used by make bench).",
            discussion: """
                Trains a Dense+ReLU MLP with softmax cross-entropy on Fashion-MNIST's training images or on the \
                synthetic `teacher` dataset (Gaussian inputs labelled by a random linear teacher), --repeat times, \
                and prints one JSON line: the median over repetitions of seconds per epoch and per step, and \
                samples per second. --gemm-reference times only the matrix products of the same epochs.
                """)

        @Option(parsing: .upToNextOption, help: "Layer sizes, input first and classes last, e.g. --layers 784 256 128 10.")
        var layers: [Int] = [784, 256, 128, 10]

        @Option(parsing: .unconditional, help: "The data: fashion-mnist (the real training images) or teacher (synthetic).")
        var data: Benchmark.DataChoice = .teacher

        @Option(parsing: .unconditional, help: "Training samples (fashion-mnist: the first N images; default all 60,000; teacher: default 10,000).")
        var samples: Int?

        @Option(parsing: .unconditional, help: "Mini-batch size.")
        var batch: Int = 128

        @Option(parsing: .unconditional, help: "Epochs per repetition.")
        var epochs: Int = 3

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "The optimizer, one of " + CommandLineCatalog.current.optimizers.names.joined(separator: ", ")
                + ": sgd with lr 0.01 and momentum 0.9, adam with lr 0.001 (as bench/peers.py runs them), the others with their defaults and lr 0.01 where they have none."))
        var optimizer = Adam.name

        @Option(parsing: .unconditional, help: "BLAS threads.")
        var threads: Int = 1

        @Option(name: .customLong("repeat"), parsing: .unconditional, help: "Repetitions (fresh model each time).")
        var repetitions: Int = 5

        @Option(parsing: .unconditional, help: "Seed for data, weights and shuffling.")
        var seed: UInt64 = 1

        @Option(name: .customLong("warm-up"), parsing: .unconditional, help: "Seconds of untimed training before the timed repetitions.")
        var warmUpSeconds: Double = 0

        @Flag(help: "Also measure accuracy on Fashion-MNIST's 10,000 test images after training.")
        var testAccuracy = false

        @Flag(help: "Time only the matrix products of the same epochs (the sgemm reference).")
        var gemmReference = false

        func run() throws {
            let workload = Benchmark.Workload(
                layers: layers, data: data, samples: samples ?? (data == .teacher ? 10_000 : nil), batch: batch,
                epochs: epochs, optimizer: optimizer, threads: threads, repetitions: repetitions, seed: seed,
                testAccuracy: testAccuracy, warmUpSeconds: warmUpSeconds)
            try emit(commands.bench(workload, gemmReference: gemmReference))
        }
    }
}

extension Benchmark.DataChoice: ExpressibleByArgument {}
