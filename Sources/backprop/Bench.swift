import ArgumentParser
import Backprop

extension BackpropCommand {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time training on synthetic data (used by make bench).",
            discussion: """
                Trains a Dense+ReLU MLP with softmax cross-entropy on the `teacher` dataset (Gaussian inputs \
                labelled by a random linear teacher), --repeat times, and prints one JSON line: the median over \
                repetitions of seconds per epoch, and samples per second.
                """)

        @Option(parsing: .upToNextOption, help: "Layer sizes, input first and classes last, e.g. --layers 784 256 128 10.")
        var layers: [Int] = [784, 256, 128, 10]

        @Option(help: "Training samples.")
        var samples: Int = 10000

        @Option(help: "Mini-batch size.")
        var batch: Int = 128

        @Option(help: "Epochs per repetition.")
        var epochs: Int = 3

        @Option(help: ArgumentHelp("The optimizer: " + Benchmark.OptimizerChoice.allCases.map(\.summary).joined(separator: " or ") + "."))
        var optimizer: Benchmark.OptimizerChoice = .adam

        @Option(help: "BLAS threads.")
        var threads: Int = 1

        @Option(name: .customLong("repeat"), help: "Repetitions (fresh model each time).")
        var repetitions: Int = 5

        @Option(help: "Seed for data, weights and shuffling.")
        var seed: UInt64 = 1

        func run() throws {
            try emit(Commands.bench(layers: layers, samples: samples, batch: batch, epochs: epochs, optimizer: optimizer,
                                    threads: threads, repetitions: repetitions, seed: seed))
        }
    }
}

extension Benchmark.OptimizerChoice: ExpressibleByArgument {}
