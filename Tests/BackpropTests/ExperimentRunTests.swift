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

func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func yamlList(_ values: [Double]) -> String { "[" + values.map { "\($0)" }.joined(separator: ", ") + "]" }
func yamlRows(_ matrix: Matrix<Double>) -> String { "[" + matrix.nestedRows.map(yamlList).joined(separator: ", ") + "]" }

@Suite struct ExperimentRunTests {
    /// The six mission methods written as an experiment file (float64, explicit
    /// weights, shuffle: false) reproduce PyTorch's per-epoch loss to 1e-9.
    @Test func experimentFileRunsMatchPyTorch() throws {
        let fixture = try loadFixture("torch_runs")
        let initial = try #require(fixture["initial"] as? [String: Any])
        let runs = try #require(fixture["runs"] as? [[String: Any]])
        var runLines: [String] = []
        for run in runs {
            let settings = (run["settings"] as! [String: Any]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            runLines.append("  - {label: \(run["label"]!), batch: \(run["batch"]!), optimizer: {\(run["optimizer"]!): {\(settings)}}}")
        }
        let text = """
            name: torch-equality
            dtype: float64
            seeds: [1]
            dataset:
              inline: {inputs: \(yamlRows(matrix(fixture["X"]))), targets: \(yamlList(matrix(fixture["Y"]).storage))}
            model:
              - dense: {units: 4, weights: \(yamlRows(matrix(initial["W1"]))), bias: \(yamlList(doubles(initial["b1"])))}
              - tanh
              - dense: {units: 1, weights: \(yamlRows(matrix(initial["W2"]))), bias: \(yamlList(doubles(initial["b2"])))}
            loss: bce_with_logits
            train: {epochs: \(fixture["epochs"]!), shuffle: false}
            runs:
            \(runLines.joined(separator: "\n"))
            """
        let result = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(text, file: "torch.yaml"))
        #expect(result.runs.count == 6)
        for run in runs {
            let ours = try #require(result.results(for: run["label"] as! String).first)
            expectClose(ours.history.records.map(\.loss), doubles(run["loss_per_epoch"]), relative: 1e-9, "\(run["label"]!)")
        }
    }

    static let smallExperiment = """
        name: outputs-check
        description: two runs, two seeds
        seeds: [1, 2]
        dataset:
          inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1], [0.1, 0.1], [0.9, 0.1]], targets: [0, 1, 1, 0, 0, 1]}
        model: [{dense: {units: 6, init: he_normal}}, tanh, {dense: {units: 1}}]
        loss: bce_with_logits
        train: {epochs: 12, batch: 2, stop: {loss_below: 0.000001}}
        runs:
          - {label: "it's `touch INJECTED` \\n plot x", optimizer: {sgd: {lr: 0.3}}}
          - {label: Adam, optimizer: {adam: {lr: 0.05}}, record_steps: true}
        """

    @Test func outputsAreWrittenAndParseBack() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/exp.yaml"
        try Self.smallExperiment.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        let directory = root + "/plots/outputs-check"
        #expect(outcome == CommandOutcome(output: ["report: \(directory)/report.md"]))
        let result = try ResultsFile.read(directory: directory, catalog: .builtIn)

        // metrics.csv: tidy rows whose values are the histories' own numbers.
        let csv = try String(contentsOfFile: directory + "/metrics.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows[0] == "run,seed,epoch,step,seconds,metric,value")
        let adam = try #require(result.results(for: "Adam").first { $0.seed == 2 })
        let lossRows = rows.filter { $0.hasPrefix("Adam,2,") && $0.contains(",loss,") }
        #expect(lossRows.count == adam.history.records.count)
        let parsed = lossRows.map { Double($0.split(separator: ",").last!)! }
        #expect(parsed == adam.history.records.map(\.loss))
        #expect(rows.filter { $0.hasPrefix("Adam,1,") && $0.contains(",step_loss,") }.count == 36)  // 12 epochs x 3 steps
        #expect(rows.contains { $0.hasPrefix("\"it's `touch INJECTED` ") })  // quoted label survives CSV

        // summary.json decodes and agrees with the histories.
        let summary = try Summary.decode(try Data(contentsOf: URL(fileURLWithPath: directory + "/summary.json")))
        #expect(summary.runs.map(\.label) == result.labels)
        let finals = result.results(for: "Adam").map { $0.history.records.last!.loss }
        #expect(isClose(try #require(summary.runs[1].finalLoss?.mean), (finals[0] + finals[1]) / 2, relative: 1e-12))
        #expect(summary.runs[1].seeds == [1, 2] && summary.runs[1].diverged == 0)

        // report.md: table row per run, charts embedded, experiment echoed.
        let report = try String(contentsOfFile: directory + "/report.md", encoding: .utf8)
        #expect(report.contains("| Adam | \(try #require(summary.runs[1].finalLoss).text) |"))
        #expect(report.contains("![loss](loss.png)"))
        #expect(report.contains("```yaml\nname: outputs-check"))

        // Charts: scripts and data written; PNGs drawn by gnuplot (installed by make deps).
        // A constant learning rate gets no lr chart unless `plots:` asks for one.
        #expect(!FileManager.default.fileExists(atPath: directory + "/lr.gp"))
        for chart in ["loss", "loss_vs_time", "accuracy", "grad_norm", "decision_boundary"] {
            #expect(FileManager.default.fileExists(atPath: "\(directory)/\(chart).gp"), "\(chart).gp")
            let png = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(chart).png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(chart).png is a PNG")
        }
        // The label's backquotes and quote reached gnuplot only as text: nothing ran.
        #expect(!FileManager.default.fileExists(atPath: directory + "/INJECTED"))
        let script = try String(contentsOfFile: directory + "/loss.gp", encoding: .utf8)
        // (YAML turned the \\n into a line break, which gnuplot's quoting turned into a space.)
        #expect(script.contains("title ('it'.\"'\".'s `touch INJECTED`   plot x')"))
        // Nothing left behind but the outputs (no temporary files).
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func withoutGnuplotTheDataAndScriptsAreStillWritten() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(Self.smallExperiment, file: "exp.yaml"))
        let outcome = try OutputWriter.write(result, to: root, gnuplot: nil)
        #expect(outcome.gnuplotMissing)
        #expect(FileManager.default.fileExists(atPath: root + "/loss.gp"))
        #expect(FileManager.default.fileExists(atPath: root + "/loss.dat"))
        #expect(!FileManager.default.fileExists(atPath: root + "/loss.png"))
    }

    @Test func anInvalidExperimentWritesNothing() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/bad.yaml"
        try Self.smallExperiment.replacingOccurrences(of: "units: 1}", with: "units: 3}")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ExperimentError.self) {
            try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/plots"))
        var message = ""
        do { _ = try Commands(catalog: .builtIn).validate(path: path) } catch { message = "\(error)" }
        #expect(message == "\(path):6:54: the dataset has 2 classes; with bce_with_logits the model needs 1 output (or 2, one-hot), it gives 3")
    }

    @Test func impossibleSizesAndOutputFoldersFailBeforeTraining() throws {
        let huge = try ExperimentLoader(catalog: .builtIn).parse(ExperimentDecodingTests.document(
            ["model": "[{dense: {units: 100000}}, {dense: {units: 100000}}, {dense: {units: 1}}]"]), file: "big.yaml")
        #expect { try ExperimentRunner.validate(huge) } throws: { error in
            "\(error)" == "big.yaml:4:36: the model would have more than 100000000 weights up to this layer; it is too large to train here"
        }
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "not a folder".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        #expect { try OutputWriter.checkWritable(root + "/file/plots/x") } throws: { error in
            "\(error)" == "\(root)/file: is a file, not a folder; choose another --plots folder"
        }
        try OutputWriter.checkWritable(root + "/new/plots/x")
        #expect(!FileManager.default.fileExists(atPath: root + "/new"), "checking writes nothing")
    }

    @Test func divergenceIsReportedNotFatal() throws {
        let text = Self.smallExperiment.replacingOccurrences(of: "{sgd: {lr: 0.3}}", with: "{sgd: {lr: 5000}}")
            .replacingOccurrences(of: "loss: bce_with_logits", with: "loss: mse")
        let result = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(text, file: "exp.yaml"))
        let wild = result.runs.filter { $0.label.hasPrefix("it's") }
        #expect(wild.allSatisfy { $0.history.diverged })
        #expect(result.results(for: "Adam").allSatisfy { !$0.history.diverged && $0.history.records.count == 13 })
        let summary = Summary(result)
        #expect(summary.runs[0].diverged == 2)
        #expect(Report.render(result, summary: summary, charts: []).contains("yes, 2/2 (epoch"))
    }
}

@Suite struct FeatureScalingTests {
    /// Standardisation statistics come from the training rows only: the
    /// validation rows are scaled with them, not with their own.
    @Test func scalingIsFittedOnTrainingRowsOnly() throws {
        let plan = try ExperimentLoader(catalog: .builtIn).parse("""
            name: scaled
            dataset:
              inline: {inputs: [[1, 10], [2, 20], [3, 30], [4, 40], [100, 1000]], targets: [0, 1, 0, 1, 0]}
              split: {validation: 1}
              scale: standardize
            model: [{dense: {units: 1}}]
            loss: bce_with_logits
            train: {optimizer: adam}
            """, file: "s.yaml")
        let data = try PreparedData<Double>(plan)
        let train = data.train.inputs, held = try #require(data.validation).inputs
        #expect(train.rows == 4 && held.rows == 1)
        for column in 0..<2 {
            let values = (0..<4).map { train[$0, column] }
            let mean = values.reduce(0, +) / 4
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
            #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-12)
        }
        // Whichever row was held out, it was scaled by the training rows' statistics.
        let statistics = try #require(data.preprocessor.featureScaling)
        #expect(statistics.shift.count == 2 && statistics.factor.allSatisfy { $0 > 0 })
        let minmax = FeatureScaling.statistics(.minmax, of: Matrix<Double>([[1, 5], [3, 5]]))
        #expect(minmax.shift == [1, 5] && minmax.factor == [0.5, 1])
    }
}

@Suite struct PredictedClassTests {
    /// One output is a class by the loss's rule: above 0 for a logit, above
    /// 0.5 for a probability or a score fitted to 0/1 targets; several by argmax.
    @Test func theLossSaysWhereClassesSplit() {
        let outputs = Matrix<Double>(column: [0.3, 0.7, -0.2])
        #expect(BinaryCrossEntropyWithLogits().classes(of: outputs) == [1, 1, 0])
        #expect(BinaryCrossEntropy().classes(of: outputs) == [0, 1, 0])
        #expect(MeanSquaredError().classes(of: outputs) == [0, 1, 0])
        #expect(Huber(delta: 1).classes(of: outputs) == [0, 1, 0])
        #expect(SoftmaxCrossEntropy().classes(of: Matrix<Double>([[0.1, 0.5, 0.2], [2, -1, 0]])) == [1, 0])
    }

    /// MSE on 0/1 labels with a linear output (its score is x1): accuracy,
    /// the confusion matrix, the decision boundary and `predict` all split at
    /// 0.5. (They once disagreed: accuracy used 0.5, the others 0.)
    @Test func accuracyConfusionBoundaryAndPredictAgree() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/mse.yaml"
        try """
            name: mse-classes
            dataset:
              inline: {inputs: [[0.3, 0], [0.7, 0], [-0.2, 0], [1, 1]], targets: [0, 1, 0, 1]}
            model: [{dense: {units: 1, weights: [[1, 0]], bias: [0]}}]
            loss: mse
            train: {epochs: 1, optimizer: {sgd: {lr: 1e-12}}}
            checkpoint: {every: 1}
            plots: [decision_boundary]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try Commands(catalog: .builtIn).run(path: path, outputRoot: root, progress: SilentProgress())
        let result = try ResultsFile.read(directory: root + "/mse-classes", catalog: .builtIn)
        let run = try #require(result.runs.first)
        #expect(run.history.records.map(\.accuracy) == [1, 1])  // with a split at 0, 0.3 would be class 1: 3/4

        let grid = try #require(run.decisionGrid)
        for row in 0..<grid.resolution {
            for column in 0..<grid.resolution {
                let x = grid.xRange.lowerBound + (grid.xRange.upperBound - grid.xRange.lowerBound) * Double(column) / Double(grid.resolution - 1)
                guard abs(x - 0.5) > 1e-6 else { continue }
                #expect(grid.classes[row * grid.resolution + column] == (x > 0.5 ? 1 : 0), "grid point x = \(x)")
            }
        }

        let model = Sequential<Double>(inputSize: 2, layers: [Dense(weight: Matrix([[1, 0]]), bias: [0])])
        let split = DataSplit(inputs: Matrix<Double>([[0.3, 0], [0.7, 0], [-0.2, 0]]), targets: Matrix(column: [0, 1, 0]))
        #expect(TestMetrics(model: model, loss: MeanSquaredError(), split: split, classes: 2).confusion == [[2, 0], [0, 1]])

        let checkpoint = root + "/mse-classes/checkpoints/run1-sgd-seed1-epoch1.checkpoint"
        let predicted = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "inline: {inputs: [[0.3, 0], [0.7, 0], [-0.2, 0]], targets: [0, 1, 0]}")
        #expect(predicted.output == ["row,prediction", "0,0", "1,1", "2,0"])  // mse gives no probabilities
    }
}

/// Bad input of any kind is a `BadInputError`, which the command line turns
/// into one line and exit status 2; anything else would exit 1 as a failure.
@Suite struct BadInputTests {
    static func error(_ body: () throws -> Any) -> (any Error)? {
        do { _ = try body() } catch { return error }
        return nil
    }

    @Test func everyCommandReportsBadInputAsBadInput() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let good = root + "/good.yaml"
        try ExperimentRunTests.smallExperiment.write(toFile: good, atomically: true, encoding: .utf8)
        let normed = root + "/normed.yaml"
        try ExperimentRunTests.smallExperiment.replacingOccurrences(of: "tanh", with: "batch_norm").write(toFile: normed, atomically: true, encoding: .utf8)
        try "not a folder".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        try "backprop-checkpoint 1\n{}\n".write(toFile: root + "/bad.checkpoint", atomically: true, encoding: .utf8)
        let cases: [(String, () throws -> Any)] = [
            ("run, missing file", { try Commands(catalog: .builtIn).run(path: root + "/none.yaml", outputRoot: root, progress: SilentProgress()) }),
            ("run, --plots is a file", { try Commands(catalog: .builtIn).run(path: good, outputRoot: root + "/file", progress: SilentProgress()) }),
            ("sweep without a sweep", { try Commands(catalog: .builtIn).run(path: good, outputRoot: root, sweep: Commands.SweepOptions(), progress: SilentProgress()) }),
            ("plot, no results", { try Commands(catalog: .builtIn).plot(directory: root + "/nowhere") }),
            ("merge, no results", { try Commands(catalog: .builtIn).merge(directories: [root + "/nowhere"], outputRoot: root) }),
            ("validate, missing file", { try Commands(catalog: .builtIn).validate(path: root + "/none.yaml") }),
            ("gradcheck, missing file", { try Commands(catalog: .builtIn).gradientCheck(path: root + "/none.yaml") }),
            ("explain, a model it cannot walk", { try Commands(catalog: .builtIn).explain(path: normed, input: 2, target: 4, learningRate: nil) }),
            ("evaluate, damaged checkpoint", { try Commands(catalog: .builtIn).evaluate(checkpoint: root + "/bad.checkpoint", data: nil) }),
            ("evaluate, a folder", { try Commands(catalog: .builtIn).evaluate(checkpoint: root, data: nil) }),
            ("predict, --data not a dataset", { try Commands(catalog: .builtIn).predict(checkpoint: root + "/bad.checkpoint", data: "xro") }),
            ("bench, impossible layers", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [4]), gemmReference: false) }),
            ("bench, Fashion-MNIST with 3 classes", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [784, 3], data: .fashionMNIST), gemmReference: false) }),
            ("bench, test accuracy of the teacher", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [4, 2], testAccuracy: true), gemmReference: false) }),
            ("bench, reference of no layers", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [0, 2]), gemmReference: true) }),
            ("bench, negative warm-up", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [4, 2], warmUpSeconds: -1), gemmReference: false) }),
            ("bench, endless warm-up", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [4, 2], warmUpSeconds: .infinity), gemmReference: false) }),
            ("bench, unknown optimizer", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [4, 2], optimizer: "adma"), gemmReference: false) }),
            ("bench, reference with an unknown optimizer", { try Commands(catalog: .builtIn).bench(Self.benchWorkload(layers: [4, 2], optimizer: "adma"), gemmReference: true) }),
        ]
        for (what, body) in cases {
            let error = try #require(Self.error(body), "\(what): no error")
            #expect(error is any BadInputError, "\(what): \(type(of: error)) is not a BadInputError: \(error)")
            #expect(!"\(error)".contains("\n"), "\(what): more than one line: \(error)")
        }
        let state = OptimizerState(kind: "adam", step: 1, buffers: [:])
        #expect(Self.error { try Optimizer<Double>(try SGD(["lr": 0.1])).restoreState(state) } is any BadInputError)
    }

    @Test func benchRunsEveryRegisteredOptimizerWithPeersSettings() throws {
        for name in Catalog.builtIn.optimizers.names { _ = try Benchmark.optimizer(name, in: .builtIn) }
        #expect(try Benchmark.optimizer("sgd", in: .builtIn).description == "sgd(lr: 0.01, momentum: 0.9, dampening: 0.0, nesterov: false, weight_decay: 0.0)")
        #expect(try Benchmark.optimizer("adam", in: .builtIn).learningRate == 0.001)
        #expect(try Benchmark.optimizer("momentum", in: .builtIn).learningRate == 0.01)
    }

    static func benchWorkload(layers: [Int], data: Benchmark.DataChoice = .teacher, testAccuracy: Bool = false,
                              warmUpSeconds: Double = 0, optimizer: String = "sgd") -> Benchmark.Workload {
        Benchmark.Workload(layers: layers, data: data, samples: 10, batch: 2, epochs: 1, optimizer: optimizer, threads: 1,
                           repetitions: 1, seed: 1, testAccuracy: testAccuracy, warmUpSeconds: warmUpSeconds)
    }
}
