import Foundation

extension Commands {
    /// `backprop bench`: times training on synthetic data (see `Benchmark`)
    /// and prints one JSON line, as `make bench` reads it.
    public static func bench(layers: [Int], samples: Int, batch: Int, epochs: Int, optimizer: Benchmark.OptimizerChoice,
                             threads: Int, repetitions: Int, seed: UInt64) throws -> CommandOutcome {
        let report = try Benchmark.run(layers: layers, samples: samples, batch: batch, epochs: epochs, optimizer: optimizer,
                                       threads: threads, repetitions: repetitions, seed: seed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return CommandOutcome(output: [String(decoding: try encoder.encode(report), as: UTF8.self)])
    }
}
