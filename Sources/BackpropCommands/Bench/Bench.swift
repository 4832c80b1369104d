import Foundation
import BackpropOutput

extension Commands {
    /// `backprop bench`: times training (see `Benchmark`), or with
    /// `gemmReference` the bare matrix products of the same epoch (see
    /// `GEMMReference`), and prints one JSON line, as `make bench` reads it.
    package func bench(_ workload: Benchmark.Workload, gemmReference: Bool) throws -> CommandOutcome {
        // An optimizer no registry knows is bad input with --gemm-reference too, which does not use it.
        _ = try Benchmark.optimizer(workload.optimizer, in: catalog)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json: Data
        if gemmReference {
            guard let samples = workload.samples ?? (workload.data == .fashionMNIST ? 60_000 : nil) else {
                throw ComponentError("bench: --gemm-reference needs --samples")
            }
            json = try encoder.encode(GEMMReference.run(layers: workload.layers, samples: samples, batch: workload.batch,
                                                        threads: workload.threads, repetitions: workload.repetitions))
        } else {
            json = try encoder.encode(Benchmark.run(workload, catalog: catalog))
        }
        return CommandOutcome(output: [String(decoding: json, as: UTF8.self)])
    }
}
