import CZlib
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

/// A seeded mutation loop over the readers of user input: experiment YAML,
/// CSV and IDX (plain and gzip). Every mutated input must load or fail with a
/// bad-input error of one line: no trap, no other error, no multi-line
/// message. The normal suite runs 1000 inputs per reader (about a second);
/// `make fuzz` runs the same loop with FUZZ_ITERATIONS (and FUZZ_SEED) set.
@Suite struct FuzzTests {
    static var iterations: Int { Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 1000 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 1 }

    static let experiments = [
        validExperiment,
        """
        name: fuzz-sweep
        description: "a \\"quoted\\" one"
        dtype: float64
        seeds: [1, 2]
        dataset:
          moons: {samples: 40, noise: 0.1}
          split: {validation: 0.25, test: 0.25, stratify: true}
          scale: standardize
        model: [{dense: {units: 8, init: he_uniform}}, relu, {dropout: {p: 0.1}}, {dense: {units: 1}}]
        loss: bce_with_logits
        train: {epochs: 3, batch: 8, schedule: {step: {step_size: 2, gamma: 0.5}}, stop: {loss_below: 0.01}, clip: {norm: 1}}
        runs:
          - {label: SGD, optimizer: {sgd: {lr: 0.1, momentum: 0.9}}}
          - {label: Adam, optimizer: adam, restore_best: val_loss}
        sweep: {grid: {optimizer.lr: [0.01, 0.1]}}
        plots: [loss, accuracy, sensitivity]
        checkpoint: {every: 2}
        """,
    ]

    static let csv = "x1,x2,\"species, common\"\n1.5,2,setosa\n-3e-1,.5,\"versi\"\"color\"\n4,5,setosa\r\n7,8,virginica\n"

    /// IDX images 3 x 2 x 2 and labels 3.
    static let idxImages: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2] + (0..<12).map { UInt8($0 * 20) }
    static let idxLabels: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 3, 0, 1, 2]

    /// Checks one outcome: loaded, or a bad-input error in one line.
    static func judge(_ what: String, _ input: [UInt8], _ body: () throws -> Void, findings: inout [String]) {
        do {
            try body()
        } catch let error as any BadInputError {
            let message = error.description
            if message.contains("\n") || message.isEmpty {
                findings.append("\(what): a message of \(message.split(separator: "\n").count) lines for input \(Array(input.prefix(40)))")
            }
        } catch {
            findings.append("\(what): \(type(of: error)) is not a bad-input error: \(error) for input \(Array(input.prefix(40)))")
        }
    }

    /// `bytes` as a gzip file's bytes, made by zlib.
    static func gzipped(_ bytes: [UInt8], in folder: String) throws -> [UInt8] {
        let path = folder + "/seed.gz"
        let handle = try #require(gzopen(path, "wb"))
        _ = bytes.withUnsafeBytes { gzwrite(handle, $0.baseAddress, UInt32($0.count)) }
        #expect(gzclose(handle) == Z_OK)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func mutatedInputsLoadOrFailInOneLine() throws {
        var mutator = Mutator(random: RandomGenerator(seed: Self.seed))
        var findings: [String] = []
        let folder = try temporaryDirectory()
        let clock = ContinuousClock()
        let start = clock.now
        var executions = 0
        let gzippedImages = try Self.gzipped(Self.idxImages, in: folder)
        for index in 0..<Self.iterations {
            let source = Array(Self.experiments[index % Self.experiments.count].utf8)
            let yaml = mutator.mutate(source)
            Self.judge("yaml", yaml, {
                _ = try LoadedExperiment(plan: ExperimentLoader(catalog: .builtIn).parse(String(decoding: yaml, as: UTF8.self), file: "fuzz.yaml"))
            }, findings: &findings)
            let csv = mutator.mutate(Array(Self.csv.utf8))
            Self.judge("csv", csv, { _ = try CSVReader.records(in: Data(csv), delimiter: ",", file: "fuzz.csv") }, findings: &findings)
            // The whole CSV dataset (header, classes, numbers) on every 10th.
            if index % 10 == 0 {
                try Data(csv).write(to: URL(fileURLWithPath: folder + "/fuzz.csv"))
                let experiment = validExperiment.replacingOccurrences(
                    of: "inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}", with: "csv: {path: fuzz.csv, target: x2}")
                Self.judge("csv dataset", csv, {
                    _ = try ExperimentRunner.validate(ExperimentLoader(catalog: .builtIn).parse(experiment, file: folder + "/x.yaml", baseDirectory: folder))
                }, findings: &findings)
                executions += 1
            }
            let gzip = index % 2 == 1
            let images = mutator.mutate(gzip ? gzippedImages : Self.idxImages)
            let path = folder + "/fuzz-images.idx"
            try Data(images).write(to: URL(fileURLWithPath: path))
            Self.judge(gzip ? "idx.gz" : "idx", images, { _ = try IDXReader.read(path: path) }, findings: &findings)
            let labels = mutator.mutate(Self.idxLabels)
            try Data(labels).write(to: URL(fileURLWithPath: folder + "/fuzz-labels.idx"))
            Self.judge("idx labels", labels, { _ = try IDXReader.read(path: folder + "/fuzz-labels.idx") }, findings: &findings)
            executions += 4
        }
        let seconds = (clock.now - start).inSeconds
        print("fuzz: \(executions) executions in \(formatSignificant(seconds, digits: 3)) s (seed \(Self.seed)), \(findings.count) finding(s)")
        #expect(findings.isEmpty, "\(findings.prefix(3).joined(separator: "\n"))")
    }
}

/// Mutations of a valid input, as a fuzzer makes them: bytes flipped,
/// inserted (from characters that matter to the formats), deleted,
/// duplicated, or the input cut short.
struct Mutator {
    var random: RandomGenerator
    static let interesting: [UInt8] = Array("0123456789-.:,{}[]\"'\n\r\t #&*!|>eE".utf8) + [0x00, 0xFF, 0xC3, 0x80, 0x7F]

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...(next(3)) {
            guard !bytes.isEmpty else { return Array(Self.interesting.prefix(next(8))) }
            let position = next(bytes.count)
            switch next(6) {
            case 0: bytes[position] ^= UInt8(1 << next(8))
            case 1: bytes.insert(Self.interesting[next(Self.interesting.count)], at: position)
            case 2: bytes.removeSubrange(position..<min(bytes.count, position + 1 + next(8)))
            case 3:
                let end = min(bytes.count, position + 1 + next(16))
                bytes.insert(contentsOf: bytes[position..<end], at: next(bytes.count))
            case 4: bytes = Array(bytes.prefix(position))
            default: bytes[position] = Self.interesting[next(Self.interesting.count)]
            }
        }
        return bytes
    }

    private mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }
}
