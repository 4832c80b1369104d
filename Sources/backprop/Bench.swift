import ArgumentParser
import Backprop
import Foundation

extension BackpropCommand {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time training on synthetic data (used by make bench).",
            discussion: """
                Trains a Dense+ReLU MLP with softmax cross-entropy on Gaussian inputs labelled by a \
                random linear teacher, --repeat times, and prints one JSON line: the median over \
                repetitions of seconds per epoch, and samples per second.
                """)

        @Option(help: "Layer sizes, input first and classes last.")
        var layers: String = "784,256,128,10"

        @Option(help: "Training samples.")
        var samples: Int = 10000

        @Option(help: "Mini-batch size.")
        var batch: Int = 128

        @Option(help: "Epochs per repetition.")
        var epochs: Int = 3

        @Option(help: "sgd (momentum 0.9, lr 0.01) or adam (lr 0.001).")
        var optimizer: String = "adam"

        @Option(help: "BLAS threads.")
        var threads: Int = 1

        @Option(name: .customLong("repeat"), help: "Repetitions (fresh model each time).")
        var repetitions: Int = 5

        @Option(help: "Seed for data, weights and shuffling.")
        var seed: UInt64 = 1

        func run() throws {
            let sizes = try layers.split(separator: ",").map { part in
                guard let size = Int(part.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--layers: '\(part)' is not an integer (expected e.g. 784,256,128,10)")
                }
                return size
            }
            let report = try Benchmark.run(
                layers: sizes, samples: samples, batch: batch, epochs: epochs, optimizer: optimizer,
                threads: threads, repetitions: repetitions, seed: seed)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
    }
}
