import Foundation
import BackpropOutput

/// The speed of the matrix products alone: for each mini-batch of an MLP
/// epoch, exactly the products `Dense` does (forward X·Wᵀ, weight gradient
/// dYᵀ·X, input gradient dY·W except for the first layer), on fixed data, with
/// nothing else in the loop. `make bench` divides a training epoch's FLOPs by
/// its time and compares that rate with this one: what training loses to
/// everything that is not a matrix product.
package enum GEMMReference {
    package struct Timing: Codable, Sendable {
        package var implementation = "gemm-reference"
        package var layers: [Int]
        package var samples: Int
        package var batch: Int
        package var threads: Int
        package var repetitions: Int
        /// Floating-point operations of one epoch's products (a multiply-add counts 2).
        package var flopsPerEpoch: Double
        /// Median over repetitions of one epoch's products.
        package var secondsPerEpoch: Double
        package var runs: [Double]
        package var gflops: Double
        package var kernel: String

        /// `repeat` as `Benchmark.Timing` writes it; the encoder writes the others in snake_case.
        enum CodingKeys: String, CodingKey {
            case implementation, layers, samples, batch, threads, runs, gflops, kernel, flopsPerEpoch, secondsPerEpoch
            case repetitions = "repeat"
        }
    }

    /// The FLOPs of one epoch of `samples` rows through Dense layers `layers`:
    /// forward, weight gradient, and input gradient for every layer but the first.
    package static func flopsPerEpoch(layers: [Int], samples: Int) -> Double {
        zip(layers, layers.dropFirst()).enumerated().reduce(0.0) { total, entry in
            let (index, (inputs, outputs)) = entry
            let product = 2 * Double(samples) * Double(inputs) * Double(outputs)
            return total + product * (index == 0 ? 2 : 3)
        }
    }

    package static func run(layers: [Int], samples: Int, batch: Int, threads: Int, repetitions: Int) throws -> Timing {
        try Benchmark.validate(layers: layers, samples: samples, batch: batch, epochs: 1, threads: threads)
        guard repetitions > 0 else { throw ComponentError("bench: repeat must be > 0, got \(repetitions)") }
        BLASThreads.set(threads)
        var random = RandomGenerator(seed: 1)
        func filled(_ rows: Int, _ columns: Int) -> Matrix<Float> {
            Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in Float(random.nextUnit() - 0.5) })
        }
        let count = layers.count - 1
        let weights = (0..<count).map { filled(layers[$0 + 1], layers[$0]) }
        var weightGradients = (0..<count).map { Matrix<Float>(rows: layers[$0 + 1], columns: layers[$0]) }
        let fullInput = filled(batch, layers[0])
        let fullGradient = filled(batch, layers[count])
        var activations = (0...count).map { Matrix<Float>(rows: batch, columns: layers[$0]) }
        var gradients = (0...count).map { Matrix<Float>(rows: batch, columns: layers[$0]) }
        var runs: [Double] = []
        for _ in 0..<repetitions {
            let clock = ContinuousClock()
            let started = clock.now
            var start = 0
            while start < samples {
                let rows = min(batch, samples - start)
                activations[0].gatherRows(of: fullInput, at: 0..<rows)
                for layer in 0..<count {
                    Matrix.multiply(activations[layer], weights[layer], transposeB: true, into: &activations[layer + 1])
                }
                gradients[count].gatherRows(of: fullGradient, at: 0..<rows)
                for layer in stride(from: count - 1, through: 0, by: -1) {
                    Matrix.multiply(gradients[layer + 1], activations[layer], transposeA: true, into: &weightGradients[layer])
                    if layer > 0 { Matrix.multiply(gradients[layer + 1], weights[layer], into: &gradients[layer]) }
                }
                start += rows
            }
            runs.append((clock.now - started).inSeconds)
        }
        let flops = flopsPerEpoch(layers: layers, samples: samples)
        let middle = median(runs)
        return Timing(layers: layers, samples: samples, batch: batch, threads: threads, repetitions: repetitions,
                      flopsPerEpoch: flops, secondsPerEpoch: middle, runs: runs, gflops: middle > 0 ? flops / middle / 1e9 : 0,
                      kernel: BLASKernel.description)
    }
}
