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

/// A corpus of bad inputs, one file (or value) each, across experiment YAML,
/// CSV, IDX, checkpoints, results.json and the command line: each must fail
/// with a one-line bad-input error that names the file (and place, where it
/// has one) and says what is wrong, and leave nothing written.
@Suite struct BadInputCorpusTests {
    static let base = """
        name: c
        dataset:
          inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}
        model: [{dense: {units: 4}}, tanh, {dense: {units: 1}}]
        loss: bce_with_logits
        train: {epochs: 5, optimizer: {adam: {lr: 0.01}}}
        """

    /// (what is changed in `base`, with what; or nil: the line is appended) and the expected message.
    static let experiments: [(change: (String, String)?, added: String?, expected: String)] = [
        (("name: c", "name: Bad Name"), nil, "y.yaml:1:7: name 'Bad Name' may use only a-z"),
        (("name: c\n", ""), nil, "y.yaml:1:1: the experiment needs 'name'"),
        (("loss: bce_with_logits", "loss: bce_with_logit"), nil, "y.yaml:5:7: unknown loss 'bce_with_logit' (did you mean 'bce_with_logits'?)"),
        (("adam: {lr: 0.01}", "adam: {lr: -1}"), nil, "y.yaml:6:43: adam 'lr' must be > 0, found -1"),
        (("adam: {lr: 0.01}", "adma: {lr: 0.01}"), nil, "y.yaml:6:32: unknown optimizer 'adma' (did you mean 'adam'?)"),
        (("adam: {lr: 0.01}", "adam: {lrr: 0.01}"), nil, "y.yaml:6:39: unknown key 'lrr' in adam settings (did you mean 'lr'?)"),
        (("epochs: 5", "epochs: 0"), nil, "y.yaml:6:17: train 'epochs' must be from 1 to 10000000, found 0"),
        (("epochs: 5", "epochs: 1e12"), nil, "y.yaml:6:17: train 'epochs' must be from 1 to 10000000"),
        (("epochs: 5", "epochs: five"), nil, "y.yaml:6:17: 'train.epochs' must be a whole number, found 'five'"),
        (("units: 4", "units: -4"), nil, "y.yaml:4:25: dense 'units' must be from 1 to 10000000, found -4"),
        (("tanh,", "tanhh,"), nil, "y.yaml:4:30: unknown layer 'tanhh' (did you mean 'tanh'?)"),
        (("model: [{dense: {units: 4}}, tanh, {dense: {units: 1}}]", "model: []"), nil, "y.yaml:4:8: model is empty"),
        (nil, "dtype: float16", "y.yaml:7:8: dtype must be float32 or float64, found 'float16'"),
        (nil, "seeds: []", "y.yaml:7:8: seeds is empty"),
        (nil, "seeds: [1, 1]", "y.yaml:7:12: seed 1 is listed twice"),
        (nil, "plots: [loss, decision_boundry]", "y.yaml:7:15: unknown plot 'decision_boundry' (did you mean 'decision_boundary'?)"),
        (nil, "checkpoint: {every: 0}", "y.yaml:7:21: checkpoint 'every' must be >= 1, found 0"),
        (nil, "checkpoint: {evry: 5}", "y.yaml:7:13: checkpoint needs 'every' (is 'evry' a typo for it?)"),
        (nil, "fail_on_divergence: maybe", "y.yaml:7:21: 'fail_on_divergence' must be true or false, found 'maybe'"),
        (nil, "metrics: [accuracy, bogus]", "y.yaml:7:21: unknown metric 'bogus'"),
        (nil, "sweep: {grid: {optimizer.lr: []}}", "y.yaml:7:30: sweep 'optimizer.lr' has no values"),
        (nil, "sweep: {grid: {optimizer.lrx: [0.1]}}", "y.yaml:7:32: unknown key 'lrx' in adam settings"),
        (nil, "sweep: {random: {trials: 0, space: {optimizer.lr: {log_uniform: [0.1, 1]}}}}", "y.yaml:7:26: sweep random 'trials' must be >= 1, found 0"),
        (nil, "sweep: {random: {trials: 200000, space: {optimizer.lr: {log_uniform: [0.1, 1]}}}}",
         "y.yaml:7:26: sweep random 'trials' must be at most 100000, the most runs a file may make, found 200000"),
        (nil, "sweep: {random: {trials: 2, spaces: {optimizer.lr: {log_uniform: [0.1, 1]}}}}", "y.yaml:7:17: sweep random needs 'space' (is 'spaces' a typo for it?)"),
        (nil, "runs: []", "y.yaml:7:7: 'runs' is empty"),
        (nil, "runs: [{label: a}, {label: a}]", "y.yaml:7:28: two runs are labelled 'a'"),
        (("name: c", "name: c\nname: d"), nil, "y.yaml:1:1: duplicate key 'name'"),
        (("train: {epochs: 5", "train: {epochs: 5, batch: 0"), nil, "y.yaml:6:27: batch is 'full', 1 (stochastic) or a number of samples >= 1, found '0'"),
        (("train: {epochs: 5", "train: {epochs: 5, schedule: {step: {gamma: 0.5}}"), nil, "y.yaml:6:31: step needs 'step_size'"),
        (("train: {epochs: 5", "train: {epochs: 5, stop: {loss_below: -1}"), nil, "y.yaml:6:39: stop 'loss_below' must be > 0, found -1"),
        (("train: {epochs: 5", "train: {epochs: 5, clip: {norm: 0}"), nil, "y.yaml:6:33: clip 'norm' must be > 0, found 0"),
        (("targets: [0, 1, 1, 0]", "targets: [0, 1, 1]"), nil, "y.yaml:3:63: inline has 4 inputs but 3 targets"),
        (("  inline", "\tinline"), nil, "y.yaml:3:1: YAML syntax"),
        (("[0, 1], [1, 0]", "[0, *a], [1, 0]"), nil, "y.yaml:3:33: YAML syntax: found undefined alias"),
        (("loss: bce_with_logits", "loss: softmax_cross_entropy"), nil, "y.yaml:4:37: softmax_cross_entropy needs one output per class: the dataset has 2 classes, the model gives 1"),
        (("inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}", "moons: {samples: 0}"), nil, "y.yaml:3:20: moons 'samples' must be from 2 to 10000000, found 0"),
        (("inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}", "csv: {path: nothere.csv, target: y}"), nil, "no such file: nothere.csv"),
        (("inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}", "idx: {train_images: none.idx, train_labels: none.idx}"), nil, "none.idx: no such file"),
        (nil, "train2: {}", "y.yaml:7:1: unknown key 'train2' in the experiment (did you mean 'train'?)"),
        (("train: {epochs: 5", "train: {epochs: 5, record_steps: 3"), nil, "y.yaml:6:34: 'train.record_steps' must be true or false, found '3'"),
    ]

    @Test(arguments: experiments.indices)
    func badExperimentFiles(case index: Int) throws {
        let (change, added, expected) = Self.experiments[index]
        var text = Self.base
        if let (old, new) = change {
            #expect(text.contains(old), "case \(index): '\(old)' is not in the base file")
            text = text.replacingOccurrences(of: old, with: new)
        }
        if let added { text += "\n" + added }
        let folder = try temporaryDirectory()
        try text.write(toFile: folder + "/y.yaml", atomically: true, encoding: .utf8)
        let message = try Self.badInput { try Commands(catalog: .builtIn).validate(path: folder + "/y.yaml") }
        #expect(message.contains(expected), "case \(index): \(message)")
        #expect(message.hasPrefix(folder + "/y.yaml") || message.hasPrefix(folder + "/none.idx"), "case \(index): \(message)")
    }

    /// CSV files (the experiment reads `data.csv`, target `y`) and the expected message.
    static let csvFiles: [(contents: [UInt8], expected: String)] = [
        (Array("x1,x2,y\n1,2,0\n3,4\n".utf8), "data.csv:3: expected 3 fields, found 2"),
        (Array("x1,x2,y\n1,2,0\n0x10,4,1\n".utf8), "data.csv:3"),
        (Array("x1,x2,y\n1,2,0\ninf,4,1\n".utf8), "data.csv:3"),
        (Array("x1,x2,y\n1,2,0\n1e39,4,1\n".utf8), "data.csv:3"),
        (Array("x1,x2,y\n1,2,0\nNA,4,1\n".utf8), "data.csv:3"),
        (Array("x1,x2,y\n1,2,0\n\"3,4,1\n".utf8), "data.csv:3: unterminated quoted field"),
        (Array("x1,x2,y\n1,2,0\n\"3\"x,4,1\n".utf8), "data.csv:3: unexpected 'x' after a closing quote"),
        (Array("x1,x2,y\n1,2,0\n".utf8) + [0xFF, 0x2C, 0x34, 0x2C, 0x31, 0x0A], "data.csv:3: not UTF-8 text"),
        (Array("".utf8), "data.csv: empty file"),
        (Array("x1,x2,y\n".utf8), "data.csv: no data rows"),
        (Array("x1,x1,y\n1,2,0\n3,4,1\n".utf8), "data.csv:1: column 'x1' appears twice"),
        (Array("x1,x2,z\n1,2,0\n3,4,1\n".utf8), "'y'"),
        (Array("x1,x2,y\n1,2,0\n3,4\u{00}xyz,1\n".utf8), "data.csv:3"),
    ]

    @Test(arguments: csvFiles.indices)
    func badCSVFiles(case index: Int) throws {
        let folder = try temporaryDirectory()
        try Data(Self.csvFiles[index].contents).write(to: URL(fileURLWithPath: folder + "/data.csv"))
        let text = Self.base.replacingOccurrences(of: "inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}",
                                                  with: "csv: {path: data.csv, target: y}")
        try text.write(toFile: folder + "/y.yaml", atomically: true, encoding: .utf8)
        let message = try Self.badInput { try Commands(catalog: .builtIn).validate(path: folder + "/y.yaml") }
        #expect(message.contains(Self.csvFiles[index].expected), "case \(index): \(message)")
        #expect(message.contains("data.csv") || message.contains("y.yaml"), "case \(index): \(message)")
    }

    static func idx(_ type: UInt8, _ dimensions: [UInt32], _ data: [UInt8]) -> [UInt8] {
        [0, 0, type, UInt8(dimensions.count)] + dimensions.flatMap { size in (0..<4).reversed().map { UInt8(truncatingIfNeeded: size >> (8 * $0)) } } + data
    }

    /// IDX files read as the images (labels are good) and the expected message.
    static let idxFiles: [(contents: [UInt8], expected: String)] = [
        ([0, 0], "images.idx"),
        ([1, 2, 8, 3], "images.idx"),
        (idx(0x0D, [2, 2, 2], Array(repeating: 0, count: 32)), "images.idx"),
        (idx(0x08, [2, 0, 2], []), "images.idx: dimension 2 of 2 x 0 x 2 is zero"),
        (idx(0x08, [2, 2, 2], [1, 2, 3]), "images.idx"),
        (idx(0x08, [2, 2, 2], Array(repeating: 0, count: 9)), "images.idx"),
        (idx(0x08, [0xFFFF_FFFF, 0xFFFF_FFFF, 2], []), "images.idx: the header declares 4294967295 x 4294967295 x 2 values"),
        (idx(0x08, [3, 2, 2], Array(repeating: 0, count: 12)), "images.idx"),
    ]

    @Test(arguments: idxFiles.indices)
    func badIDXFiles(case index: Int) throws {
        let folder = try temporaryDirectory()
        try Data(Self.idxFiles[index].contents).write(to: URL(fileURLWithPath: folder + "/images.idx"))
        try Data(Self.idx(0x08, [2], [0, 1])).write(to: URL(fileURLWithPath: folder + "/labels.idx"))
        let text = Self.base.replacingOccurrences(of: "inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}",
                                                  with: "idx: {train_images: images.idx, train_labels: labels.idx}")
            .replacingOccurrences(of: "units: 1}", with: "units: 2}").replacingOccurrences(of: "bce_with_logits", with: "softmax_cross_entropy")
        try text.write(toFile: folder + "/y.yaml", atomically: true, encoding: .utf8)
        let message = try Self.badInput { try Commands(catalog: .builtIn).validate(path: folder + "/y.yaml") }
        #expect(message.contains(Self.idxFiles[index].expected), "case \(index): \(message)")
    }

    /// Checkpoints and results files, damaged in ways a disk or a person would.
    @Test func badCheckpointsAndResultsFiles() throws {
        let folder = try temporaryDirectory()
        try (Self.base + "\ncheckpoint: {every: 5}\n").write(toFile: folder + "/y.yaml", atomically: true, encoding: .utf8)
        _ = try Commands(catalog: .builtIn).run(path: folder + "/y.yaml", outputRoot: folder + "/plots", progress: SilentProgress())
        let checkpoint = try #require(FileManager.default.contentsOfDirectory(atPath: folder + "/plots/c/checkpoints").first)
        let good = try Data(contentsOf: URL(fileURLWithPath: folder + "/plots/c/checkpoints/" + checkpoint))
        var flipped = good
        flipped[flipped.count - 3] ^= 0x01
        let checkpoints: [(Data, String)] = [
            (Data(), "not a backprop checkpoint"),
            (Data("backprop-checkpoint 1\n".utf8), "not a backprop checkpoint"),
            (Data("backprop-checkpoint 1\n{\"x\": 1}\n".utf8), "not a backprop checkpoint"),
            (good.dropLast(20), "c.checkpoint"),
            (flipped, "c.checkpoint"),
        ]
        for (index, (contents, expected)) in checkpoints.enumerated() {
            try contents.write(to: URL(fileURLWithPath: folder + "/c.checkpoint"))
            let message = try Self.badInput { try Commands(catalog: .builtIn).evaluate(checkpoint: folder + "/c.checkpoint", data: nil) }
            #expect(message.contains(expected) && message.contains("c.checkpoint"), "checkpoint case \(index): \(message)")
        }
        #expect(try Self.badInput { try Commands(catalog: .builtIn).evaluate(checkpoint: "/dev/zero", data: nil) }
            == "/dev/zero: is not a regular file (a FIFO, device or socket), not a checkpoint file")
        #expect(try Self.badInput { try Commands(catalog: .builtIn).evaluate(checkpoint: folder, data: nil) } == "\(folder): is a folder, not a checkpoint file")
        let results = try String(contentsOfFile: folder + "/plots/c/results.json", encoding: .utf8)
        let damaged: [(String, String)] = [
            ("", "not a backprop results file"),
            ("{", "not a backprop results file"),
            (results.replacingOccurrences(of: "\"seed\":1,", with: "\"seed\":-1,"), "a number does not fit its field"),
            (results.replacingOccurrences(of: "\"runs\"", with: "\"rans\""), "not a backprop results file (missing 'runs')"),
        ]
        for (index, (contents, expected)) in damaged.enumerated() {
            try FileManager.default.createDirectory(atPath: folder + "/r\(index)", withIntermediateDirectories: true)
            try contents.write(toFile: folder + "/r\(index)/results.json", atomically: true, encoding: .utf8)
            let message = try Self.badInput { try Commands(catalog: .builtIn).plot(directory: folder + "/r\(index)") }
            #expect(message.contains(expected) && message.contains("results.json"), "results case \(index): \(message)")
            // Nothing is written beside the damaged file.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/r\(index)") == ["results.json"])
        }
    }

    /// Command-line values, through the real program: exit 2, one line.
    @Test func badCommandLineValues() throws {
        let folder = try temporaryDirectory()
        try (Self.base + "\nsweep: {grid: {optimizer.lr: [0.1, 0.01]}}\n").write(toFile: folder + "/y.yaml", atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["sweep", "y.yaml", "--shard", "-1/2"], "shard -1/2 does not exist"),
            (["sweep", "y.yaml", "--shard", "3/2"], "shard 3/2 does not exist"),
            (["sweep", "y.yaml", "--shard", "half"], "half"),
            (["run", "y.yaml", "--jobs", "-1"], "--jobs must be from 1 to 1024, found -1"),
            (["run", "y.yaml", "--jobs", "x"], "--jobs"),
            (["sweep", "y.yaml", "--shards", "2"], "--shards goes with --shard auto"),
            (["run", "missing.yaml"], "missing.yaml"),
            (["run", "y.yaml", "--bogus"], "--bogus"),
        ]
        for (arguments, expected) in cases {
            let outcome = try backprop(arguments, in: folder)
            #expect(outcome.status == 2, "\(arguments): \(outcome.errors)")
            #expect(outcome.errors.contains(expected), "\(arguments): \(outcome.errors)")
            #expect(outcome.errors.hasPrefix("error: ") && outcome.errors.split(separator: "\n").count == 1, "\(arguments): \(outcome.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/plots"))
    }

    /// The description of the bad-input error `body` throws, checked to be one line.
    static func badInput(_ body: () throws -> Any) throws -> String {
        do {
            _ = try body()
        } catch let error as any BadInputError {
            #expect(!error.description.contains("\n"))
            return error.description
        }
        Issue.record("no error")
        return ""
    }
}
