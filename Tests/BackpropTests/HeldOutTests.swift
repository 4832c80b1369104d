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

/// Held-out data and honest verdicts: splits, test metrics, regression
/// scores, the verdict, restore_best, and evaluate/predict on new data.

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../..").standardized.path
/// scikit-learn's wine data as shipped with the experiments (178 rows, classes class_0/1/2 of 59/71/48).
private let wineFile = repository + "/experiments/data/wine.csv"

/// Writes `yaml` to ROOT/exp.yaml, runs it into ROOT/plots, and reads the results back.
func runExperiment(_ yaml: String, in root: String) throws -> (directory: String, result: ExperimentResult, outcome: CommandOutcome) {
    try yaml.write(toFile: root + "/exp.yaml", atomically: true, encoding: .utf8)
    let outcome = try Commands(catalog: .builtIn).run(path: root + "/exp.yaml", outputRoot: root + "/plots", progress: SilentProgress())
    let plan = try ExperimentLoader(catalog: .builtIn).load(path: root + "/exp.yaml")
    let directory = root + "/plots/" + plan.name
    return (directory, try ResultsFile.read(directory: directory, catalog: .builtIn), outcome)
}

/// The wine file's rows as (fields, label).
private func wineRows() throws -> (header: String, rows: [(line: String, label: String)]) {
    let lines = try String(contentsOfFile: wineFile, encoding: .utf8).split(separator: "\n").map(String.init)
    return (lines[0], lines.dropFirst().map { ($0, String($0.split(separator: ",").last!)) })
}

/// The one checkpoint of a single-run, single-seed experiment's last epoch.
private func lastCheckpoint(_ directory: String, epoch: Int) throws -> String {
    let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/checkpoints").filter { $0.hasSuffix("-epoch\(epoch).checkpoint") }
    return directory + "/checkpoints/" + (try #require(files.count == 1 ? files.first : nil, "one checkpoint at epoch \(epoch): \(files)"))
}

private func wineExperiment(name: String, epochs: Int = 15, extra: String = "") -> String {
    """
    name: \(name)
    seeds: [1]
    dataset:
      csv: {path: \(wineFile), target: cultivar}
      split: {validation: 0.2, test: 0.25, seed: 7, stratify: true}
      scale: standardize
    model: [{dense: {units: 8, init: he_normal}}, relu, {dense: {units: 3}}]
    loss: softmax_cross_entropy
    train: {epochs: \(epochs), batch: 16, optimizer: {adam: {lr: 0.01}}}
    checkpoint: {every: \(epochs)}
    plots: [loss, accuracy, confusion]
    \(extra)
    """
}

@Suite struct SplitTests {
    @Test func stratifiedSplitKeepsClassProportions() throws {
        let classes = Array(repeating: 0, count: 60) + Array(repeating: 1, count: 30) + Array(repeating: 2, count: 10)
        let plan = SplitPlan(validation: .fraction(0.1), test: .fraction(0.2), seed: 7, stratify: true)
        let rows = try plan.rows(count: 100, classes: classes)
        func perClass(_ indices: [Int]) -> [Int] { (0..<3).map { label in indices.filter { classes[$0] == label }.count } }
        #expect(perClass(rows.test) == [12, 6, 2])
        #expect(perClass(rows.validation) == [6, 3, 1])
        #expect(perClass(rows.train) == [42, 21, 7])
        #expect((rows.train + rows.validation + rows.test).sorted() == Array(0..<100))
        #expect(rows.test == rows.test.sorted() && rows.validation == rows.validation.sorted())
        // The seed decides the rows: the same seed repeats them, another does not.
        #expect(try plan.rows(count: 100, classes: classes) == rows)
        var other = plan
        other.seed = 8
        #expect(try other.rows(count: 100, classes: classes) != rows)
        // Not stratified, only the sizes are kept; a count is a number of rows.
        let plain = try SplitPlan(validation: .count(5), test: .fraction(0.2), seed: 7, stratify: false).rows(count: 100, classes: nil)
        #expect((plain.train.count, plain.validation.count, plain.test.count) == (75, 5, 20))
    }

    @Test func impossibleSplitsAreErrors() {
        #expect { try SplitPlan(validation: .fraction(0.5), test: .fraction(0.5), seed: 1, stratify: false).rows(count: 10, classes: nil) } throws: { error in
            (error as? SplitError)?.message == "split 'validation' and 'test' must each keep at least one sample and leave at least one for training; the dataset has 10"
        }
        #expect { try SplitPlan(validation: nil, test: .fraction(0.2), seed: 1, stratify: true).rows(count: 10, classes: nil) } throws: { error in
            (error as? SplitError)?.message == "split 'stratify' needs class labels; this dataset is a regression problem"
        }
    }

    @Test func splitKeysAreCheckedWithTheirPlace() throws {
        func parseError(_ split: String) -> String {
            do {
                _ = try ExperimentLoader(catalog: .builtIn).parse("""
                    name: s
                    dataset:
                      xor: {}
                      split: \(split)
                    model: [{dense: {units: 1}}]
                    loss: mse
                    train: {optimizer: {sgd: {lr: 0.1}}}
                    """, file: "exp.yaml")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(parseError("{validation: 0.2, test: 0.2, seed: 3, stratify: true}") == "no error")
        #expect(parseError("{tests: 0.2}").hasPrefix("exp.yaml:4:11: unknown key 'tests' in split settings (did you mean 'test'?)"))
        #expect(parseError("{test: 1.5}") == "exp.yaml:4:17: split 'test' must be a fraction in (0, 1) or a number of samples from 1 to 10000000, found 1.5")
        #expect(parseError("{test: 1.0}") == "exp.yaml:4:17: split 'test' of 1.0 would hold out every row; write a fraction below 1, or 1 for a single row")
        #expect(parseError("{seed: 3}") == "exp.yaml:4:10: split holds nothing out: give validation, test or both (a fraction or a number of rows)")
    }

    /// Bug: the chosen rows were not saved. splits.csv lists them by their row
    /// in the file, is parsed back to the same parts, and keeps the classes'
    /// proportions of the file.
    @Test func splitRowsAreWrittenAndReadBack() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment(wineExperiment(name: "wine-split", epochs: 2), in: root)
        let text = try String(contentsOfFile: directory + "/splits.csv", encoding: .utf8)
        let rows = try #require(SplitsCSV.parse(text))
        #expect(rows == result.splits)
        #expect(text.hasPrefix("row,split\n0,"))
        #expect((rows.train.count, rows.validation.count, rows.test.count) == (result.trainingSamples, result.validationSamples, result.testSamples))
        // 45 test rows (25% of 178) cut from 59/71/48 in proportion: 14.9/17.9/12.1, rounded by largest remainder.
        let labels = try wineRows().rows.map(\.label)
        #expect(["class_0", "class_1", "class_2"].map { name in rows.test.filter { labels[$0] == name }.count } == [15, 18, 12])
        // And the run trained on exactly the file's train rows: the first training sample is the first train row, scaled.
        #expect(result.trainingSamples == 97 && result.testSource == .split)
    }

    @Test func droppedRowsKeepTheirFileRowNumbersInSplits() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "x,y\n1,1\n2,NA\n3,3\n4,4\n5,\n6,6\n7,7\n8,8\n".write(toFile: root + "/data.csv", atomically: true, encoding: .utf8)
        let (directory, result, outcome) = try runExperiment("""
            name: dropped
            dataset:
              csv: {path: data.csv, target: y, missing: drop, task: regression}
              split: {test: 2}
            model: [{dense: {units: 1}}]
            loss: mse
            train: {epochs: 1, optimizer: {sgd: {lr: 0.01}}}
            """, in: root)
        #expect(outcome.messages.contains("warning: data.csv: dropped 2 of 8 rows with missing values"))
        let rows = try #require(result.splits)
        #expect((rows.train + rows.test).sorted() == [0, 2, 3, 5, 6, 7])
        #expect(SplitsCSV.parse(try String(contentsOfFile: directory + "/splits.csv", encoding: .utf8)) == rows)
    }
}

@Suite struct SplitWarningTests {
    @Test func aClassWithNoTrainingRowsIsAWarning() throws {
        let plan = try ExperimentLoader(catalog: .builtIn).parse("""
            name: lonely
            dataset:
              inline: {inputs: [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]], targets: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2]}
              split: {validation: 3, test: 3, stratify: true}
            model: [{dense: {units: 3}}]
            loss: softmax_cross_entropy
            train: {optimizer: {sgd: {lr: 0.1}}}
            """, file: "exp.yaml")
        let warnings = try ExperimentRunner.validate(plan).warnings
        #expect(warnings == ["class '2' has no training rows after the split: all its rows are held out, so no run can learn it"])
    }
}

@Suite struct RegressionScoreTests {
    @Test func scoresMatchAHandComputation() {
        // y = [1, 2, 5], ŷ = [1, 2, 3]: squared errors 0, 0, 4; mean of y 8/3, Σ(y − ȳ)² = 78/9.
        var sums = RegressionSums(columns: 1)
        sums.add(prediction: Matrix<Double>(column: [1, 2]), target: Matrix(column: [1, 2]), scaling: nil)
        sums.add(prediction: Matrix<Double>(column: [3]), target: Matrix(column: [5]), scaling: nil)
        let scores = sums.scores
        #expect(isClose(scores.rmse, (4.0 / 3).squareRoot(), relative: 1e-15))
        #expect(isClose(scores.mae, 2.0 / 3, relative: 1e-15))
        #expect(isClose(scores.r2, 1 - 4 / (78.0 / 9), relative: 1e-14))
        // Scaled targets (x' = (x − 10) · 0.5) are scored in their own units.
        let scaling = FeatureScaling.Statistics(shift: [10], factor: [0.5])
        var scaled = RegressionSums(columns: 1)
        scaled.add(prediction: Matrix<Double>(column: [-4.5, -4, -3.5]), target: Matrix(column: [-4.5, -4, -2.5]), scaling: scaling)
        #expect(isClose(scaled.scores.rmse, scores.rmse, relative: 1e-14) && isClose(scaled.scores.r2, scores.r2, relative: 1e-14))
    }

    /// A regression with standardised targets: the test RMSE, MAE and R² in
    /// metrics.csv and summary.json equal a computation by hand from the
    /// file's test rows (listed in splits.csv) and the saved model.
    @Test func regressionExperimentReportsHandComputedTestScores() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var random = RandomGenerator(seed: 5)
        var csv = "a,b,y\n"
        var samples: [(a: Double, b: Double, y: Double)] = []
        for _ in 0..<80 {
            let a = random.nextUnit() * 10, b = random.nextUnit() * 4
            let y = 300 + 40 * a - 25 * b + 30 * (random.nextUnit() - 0.5)
            samples.append((a, b, y))
            csv += "\(a),\(b),\(y)\n"
        }
        try csv.write(toFile: root + "/data.csv", atomically: true, encoding: .utf8)
        let (directory, result, _) = try runExperiment("""
            name: linear
            dtype: float64
            seeds: [4]
            dataset:
              csv: {path: data.csv, target: y}
              split: {test: 0.25, validation: 0.2}
              scale: standardize
              scale_target: standardize
            model: [{dense: {units: 1}}]
            loss: mse
            train: {epochs: 30, batch: 8, optimizer: {sgd: {lr: 0.05}}}
            checkpoint: {every: 30}
            """, in: root)
        #expect(result.targetsScaled)
        let saved = try lastCheckpoint(directory, epoch: 30)
        let checkpoint = try CheckpointFile.read(path: saved)
        let (model, _, _) = try checkpoint.restore(as: Double.self, file: "c", catalog: .builtIn)
        let scaling = try #require(checkpoint.preprocessor.featureScaling), targetScaling = try #require(checkpoint.preprocessor.targetScaling)
        // By hand: scale the test rows' features, predict, unscale, and score.
        let test = try #require(result.splits).test.map { samples[$0] }
        var predictions: [Double] = []
        for sample in test {
            let inputs = [(sample.a - scaling.shift[0]) * scaling.factor[0], (sample.b - scaling.shift[1]) * scaling.factor[1]]
            let output = model.forward(Matrix([inputs]), training: false).storage[0]
            predictions.append(output / targetScaling.factor[0] + targetScaling.shift[0])
        }
        let truths = test.map(\.y)
        let errors = zip(predictions, truths).map { $0 - $1 }
        let mean = truths.reduce(0, +) / Double(truths.count)
        let squaredErrors: Double = errors.map { $0 * $0 }.reduce(0, +)
        let totalSquares: Double = truths.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        let rmse = (squaredErrors / Double(errors.count)).squareRoot()
        let mae = errors.map(abs).reduce(0, +) / Double(errors.count)
        let r2 = 1 - squaredErrors / totalSquares
        #expect(r2 > 0.9, "the fit is good enough to be a meaningful check: R² \(r2)")

        let metrics = try String(contentsOfFile: directory + "/metrics.csv", encoding: .utf8).split(separator: "\n")
        func metric(_ name: String) throws -> Double {
            let row = try #require(metrics.first { $0.hasSuffix(",4,30,,,\(name),") || $0.contains(",4,30,,,\(name),") }, "\(name) in metrics.csv")
            return try #require(Double(row.split(separator: ",").last!))
        }
        #expect(isClose(try metric("test_rmse"), rmse, relative: 1e-9))
        #expect(isClose(try metric("test_mae"), mae, relative: 1e-9))
        #expect(isClose(try metric("test_r2"), r2, relative: 1e-9))
        #expect(metrics.contains { $0.contains(",4,30,") && $0.contains(",val_rmse,") })
        let summary = try Summary.decode(try Data(contentsOf: URL(fileURLWithPath: directory + "/summary.json")))
        #expect(isClose(try #require(summary.runs.first?.testRegression?.rmse.mean), rmse, relative: 1e-9))
        #expect(summary.verdict?.part == .test && summary.verdict?.metric == .rmse)

        // predict gives the same values, in the targets' own units, from rows without the target.
        let noTarget = "a,b\n" + test.map { "\($0.a),\($0.b)" }.joined(separator: "\n") + "\n"
        try noTarget.write(toFile: root + "/new.csv", atomically: true, encoding: .utf8)
        let predicted = try Commands(catalog: .builtIn).predict(checkpoint: saved,
                                             data: "csv: {path: \(root)/new.csv}").output
        #expect(predicted.first == "row,prediction")
        let values = predicted.dropFirst().map { Double($0.split(separator: ",")[1])! }
        expectClose(values, predictions, relative: 1e-12, "predict")
        // evaluate without --data scores the experiment's own test split: the same numbers.
        let evaluated = try Commands(catalog: .builtIn).evaluate(checkpoint: saved, data: nil).output
        #expect(evaluated.contains("rmse: \(formatNumber(rmse))") && evaluated.contains("r2: \(formatNumber(r2))"))
        #expect(evaluated.first?.hasSuffix("on the experiment's test set (held out by its split) (20 samples)") == true)
    }

    /// Bug: a diverged run showed its starting loss as "final loss", its
    /// test numbers were measured on exploded weights, and nothing said why.
    @Test func aDivergedRegressionHasNoFinalNumbersAHintAndRanksLast() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, outcome) = try runExperiment("""
            name: raw-targets
            seeds: [1, 2]
            dataset:
              inline: {inputs: [[1], [2], [3], [4], [5], [6], [7], [8]], targets: [1000.5, 2000.5, 3000.5, 4000.5, 5000.5, 6000.5, 7000.5, 8000.5]}
              split: {test: 2}
            model: [{dense: {units: 4}}, tanh, {dense: {units: 1}}]
            loss: mse
            train: {epochs: 20, batch: 2}
            runs:
              - {label: sgd, optimizer: {sgd: {lr: 0.5}}}
              - {label: adam, optimizer: {adam: {lr: 0.001}}}
            """, in: root)
        let sgd = result.results(for: "sgd")
        #expect(sgd.allSatisfy { $0.history.diverged && $0.test == nil })
        #expect(outcome.messages.contains { $0.hasPrefix("warning: a run diverged on unscaled regression targets (mean ") && $0.hasSuffix("add `scale_target: standardize` to the dataset") })
        let summary = Summary(result)
        #expect(summary.runs[0].finalLoss == nil && summary.runs[0].testLoss == nil)
        #expect(summary.verdict?.ranking.filter { $0.standing != .baseline }.map(\.label) == ["adam", "sgd"])
        let report = try String(contentsOfFile: directory + "/report.md", encoding: .utf8)
        #expect(report.contains("| 2 | sgd | diverged |"))
        #expect(report.contains("every other run diverged on some or all of its seeds."))
    }
}

@Suite struct RestoreBestTests {
    /// Trained on y = 2x from w = 0, validated on y = x: the validation loss
    /// falls while w passes 1, then rises; the run ends with the best weights.
    @Test func endsWithTheWeightsOfTheBestValidationEpoch() throws {
        let inputs = Matrix<Double>(column: [-1, -0.5, 0.5, 1])
        let train = DataSplit(inputs: inputs, targets: Matrix(column: inputs.storage.map { 2 * $0 }))
        let validation = DataSplit(inputs: inputs, targets: inputs)
        let model = Sequential<Double>(inputSize: 1, layers: [Dense(weight: Matrix([[0]]), bias: [0])])
        let trainer = Trainer(model: model, loss: MeanSquaredError(), optimizer: try optimizer("sgd", ["lr": 0.2]),
                              configuration: TrainingConfiguration(epochs: 20, batchSize: .full, shuffle: false, restoreBest: .validationLoss))
        let history = trainer.train(on: train, validation: validation)
        let losses = history.records.map { $0.validationLoss! }
        let best = try #require(losses.indices.min { losses[$0] < losses[$1] })
        #expect(best > 0 && best < 20, "the best epoch is inside the run: \(best)")
        #expect(history.restoredEpoch == best)
        #expect(Evaluator<Double>().evaluate(model: model, loss: MeanSquaredError(), on: validation).loss == losses[best])
        #expect(losses.last! > losses[best])
    }

    @Test func restoreBestNeedsAValidationSplitAndValAccuracyNeedsClasses() throws {
        #expect { try ExperimentLoader(catalog: .builtIn).parse("""
            name: r
            dataset: {xor: {}}
            model: [{dense: {units: 1}}]
            loss: mse
            train: {restore_best: val_loss, optimizer: {sgd: {lr: 0.1}}}
            """, file: "exp.yaml") } throws: { error in
            "\(error)" == "exp.yaml:5:23: restore_best picks an epoch by the validation set: add split: {validation: 0.2} (or a count) to the dataset"
        }
        let plan = try ExperimentLoader(catalog: .builtIn).parse("""
            name: r
            dataset: {sine: {}, split: {validation: 0.2}}
            model: [{dense: {units: 1}}]
            loss: mse
            train: {restore_best: val_accuracy, optimizer: {sgd: {lr: 0.1}}}
            """, file: "exp.yaml")
        #expect { try ExperimentRunner.validate(plan) } throws: { error in
            "\(error)".hasSuffix("restores the best val_accuracy, but this dataset is a regression problem: use restore_best: val_loss")
        }
    }

    /// The test set is measured once, on the restored weights, and says which epoch that was.
    @Test func testMetricsAreMeasuredOnTheRestoredEpoch() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (_, result, _) = try runExperiment(wineExperiment(name: "wine-restore", epochs: 40, extra: "").replacingOccurrences(
            of: "batch: 16,", with: "batch: 16, restore_best: val_loss,"), in: root)
        let run = try #require(result.runs.first)
        let restored = try #require(run.history.restoredEpoch)
        #expect(run.test?.epoch == restored)
        let summary = Summary(result)
        #expect(summary.runs[0].restoredEpochs == [restored])
        #expect(summary.runs[0].finalValidationLoss?.mean == run.history.records[restored].validationLoss)
        #expect(summary.runs[0].bestValidationLoss?.mean == run.history.records.compactMap(\.validationLoss).min())
    }

    /// The end-of-run checkpoint holds the weights the run ended with, under
    /// their own epoch; the optimizer state, from the last epoch, is left out.
    @Test func theEndOfRunCheckpointIsTheRestoredEpoch() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment(wineExperiment(name: "wine-restore-saved", epochs: 30).replacingOccurrences(
            of: "batch: 16, optimizer: {adam: {lr: 0.01}}", with: "batch: 16, restore_best: val_loss, optimizer: {adam: {lr: 0.2}}")
            .replacingOccurrences(of: "checkpoint: {every: 30}", with: "checkpoint: {every: 1000}"), in: root)
        let run = try #require(result.runs.first)
        let restored = try #require(run.history.restoredEpoch)
        try #require(restored < 30, "the best validation epoch is before the last, so the case is tested")
        let saved = try lastCheckpoint(directory, epoch: restored)
        let checkpoint = try CheckpointFile.read(path: saved)
        #expect(checkpoint.epoch == restored && checkpoint.optimizer == nil)
        let evaluated = try Commands(catalog: .builtIn).evaluate(checkpoint: saved, data: nil).output
        #expect(evaluated.contains("loss: \(formatNumber(try #require(run.test).loss))"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/checkpoints")
        #expect(files.count == 1)
    }
}

@Suite struct EvaluatePredictTests {
    /// Bug: `evaluate --data` numbered the classes of the new file, so a file
    /// holding only one class scored against the wrong class. Here: only the
    /// test rows of class_2 must score exactly as class_2's row of the
    /// confusion matrix on the whole test set.
    @Test func evaluateMapsLabelsThroughTheCheckpointsClasses() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment(wineExperiment(name: "wine-eval"), in: root)
        let checkpoint = try lastCheckpoint(directory, epoch: 15)
        let confusion = try #require(result.runs.first?.test?.confusion)
        let (header, rows) = try wineRows()
        let testRows = try #require(result.splits).test
        func write(_ name: String, _ keep: (String) -> Bool) throws {
            let lines = [header] + testRows.map { rows[$0] }.filter { keep($0.label) }.map(\.line)
            try (lines.joined(separator: "\n") + "\n").write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
        }
        try write("class2.csv") { $0 == "class_2" }
        let only = try Commands(catalog: .builtIn).evaluate(checkpoint: checkpoint, data: "csv: {path: \(root)/class2.csv, target: cultivar}").output
        let expected = Double(confusion[2][2]) / Double(confusion[2].reduce(0, +))
        #expect(only.contains("accuracy: \(formatNumber(expected))"), "\(only)")
        #expect(only.contains { $0.hasPrefix("class_2 ") && $0.contains("\(confusion[2][2])") })
        #expect(only.contains { $0.hasPrefix("actual ") && $0.contains("class_0") })  // all three classes, not a 1x1 matrix

        // A subset of the classes is no error (it asked to "set units: 2" before).
        try write("two.csv") { $0 != "class_0" }
        #expect(try Commands(catalog: .builtIn).evaluate(checkpoint: checkpoint, data: "csv: {path: \(root)/two.csv, target: cultivar}").output.count > 2)

        // A label the model does not know is an error naming it and its line.
        try "\(header)\n\(rows[0].line.replacingOccurrences(of: "class_0", with: "class_9"))\n".write(toFile: root + "/unknown.csv", atomically: true, encoding: .utf8)
        #expect(throws: DataError(file: "\(root)/unknown.csv", line: 2, message: "column 'cultivar' has 'class_9', a class the training data does not have (classes: class_0, class_1, class_2)")) {
            _ = try Commands(catalog: .builtIn).evaluate(checkpoint: checkpoint, data: "csv: {path: \(root)/unknown.csv, target: cultivar}")
        }

        // Without --data: the experiment's own test split, the numbers the run reported.
        let own = try Commands(catalog: .builtIn).evaluate(checkpoint: checkpoint, data: nil).output
        let test = try #require(result.runs.first?.test)
        #expect(own.first?.hasSuffix("on the experiment's test set (held out by its split) (45 samples)") == true)
        #expect(own.contains("loss: \(formatNumber(test.loss))") && own.contains("accuracy: \(formatNumber(test.accuracy!))"))
    }

    @Test func labelsOfOtherDatasetsAreMappedByName() throws {
        let targets = Matrix<Double>(column: [0, 1, 1])
        #expect(try Preprocessor.mapLabels(targets, from: ["1.0", "0"], to: ["0", "1"], source: "--data").storage == [1, 0, 0])
        #expect(throws: DataError(file: "--data", message: "label 'zz' not among the model's classes (a, b)")) {
            _ = try Preprocessor.mapLabels(targets, from: ["b", "zz"], to: ["a", "b"], source: "--data")
        }
        #expect(throws: DataError(file: "--data", message: "the data has no class labels; the model is a classifier of 2 classes (a, b)")) {
            _ = try Preprocessor.mapLabels(targets, from: nil, to: ["a", "b"], source: "--data")
        }
    }

    /// Bug: predict needed the target column and printed class names only.
    @Test func predictReadsRowsWithoutTheTargetAndGivesProbabilities() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, _, _) = try runExperiment(wineExperiment(name: "wine-predict"), in: root)
        let checkpoint = try lastCheckpoint(directory, epoch: 15)
        let (header, rows) = try wineRows()
        let unlabelled = ([header] + rows.prefix(5).map(\.line)).map { $0.split(separator: ",").dropLast().joined(separator: ",") }
        try (unlabelled.joined(separator: "\n") + "\n").write(toFile: root + "/new.csv", atomically: true, encoding: .utf8)
        let output = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/new.csv}").output
        #expect(output.first == "row,prediction,p_class_0,p_class_1,p_class_2")
        #expect(output.count == 6)
        for (index, line) in output.dropFirst().enumerated() {
            let fields = line.split(separator: ",").map(String.init)
            #expect(fields[0] == "\(index)")
            let probabilities = fields[2...].map { Double($0)! }
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
            let likeliest = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
            #expect(fields[1] == "class_\(likeliest)")
        }
        // With the target column present, the same predictions.
        let labelled = ([header] + rows.prefix(5).map(\.line)).joined(separator: "\n") + "\n"
        try labelled.write(toFile: root + "/labelled.csv", atomically: true, encoding: .utf8)
        #expect(try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/labelled.csv, target: cultivar}").output == output)
    }

    @Test func lossesTurnOutputsIntoClassProbabilities() throws {
        let logits = Matrix<Double>([[1, 2, 3], [0, 0, 0]])
        let softmax = try #require(SoftmaxCrossEntropy().probabilities(of: logits))
        let total = exp(1.0) + exp(2.0) + exp(3.0)
        expectClose(softmax[0], [exp(1.0) / total, exp(2.0) / total, exp(3.0) / total], relative: 1e-14, "softmax")
        expectClose(softmax[1], [1.0 / 3, 1.0 / 3, 1.0 / 3], relative: 1e-14, "uniform")
        #expect(BinaryCrossEntropyWithLogits().probabilities(of: Matrix<Double>(column: [0, 2])) == [[0.5, 0.5], [1 - 1 / (1 + exp(-2.0)), 1 / (1 + exp(-2.0))]])
        #expect(BinaryCrossEntropy().probabilities(of: Matrix<Double>(column: [0.25])) == [[0.75, 0.25]])
        #expect(MeanSquaredError().probabilities(of: logits) == nil)
    }
}

/// Rewrites the JSON header (second line) of a checkpoint file.
private func editHeader(_ path: String, _ edit: (inout [String: Any]) -> Void) throws {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let first = try #require(bytes.firstIndex(of: 0x0A)), second = try #require(bytes[(first + 1)...].firstIndex(of: 0x0A))
    var header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[(first + 1)..<second])) as? [String: Any])
    edit(&header)
    bytes.replaceSubrange((first + 1)..<second, with: [UInt8](try JSONSerialization.data(withJSONObject: header)))
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

@Suite struct CheckpointDataTests {
    /// New data is matched to the model by column name, never by position.
    @Test func columnsAreMatchedByName() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, _, _) = try runExperiment(wineExperiment(name: "wine-columns", epochs: 3), in: root)
        let checkpoint = try lastCheckpoint(directory, epoch: 3)
        let (header, rows) = try wineRows()
        func write(_ name: String, _ transform: ([Substring]) -> [Substring]) throws {
            let lines = ([header] + rows.prefix(4).map(\.line)).map { transform($0.split(separator: ",")).joined(separator: ",") }
            try (lines.joined(separator: "\n") + "\n").write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
        }
        try write("same.csv") { $0 }
        try write("reversed.csv") { Array($0.reversed()) }
        let same = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/same.csv, target: cultivar}").output
        #expect(try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/reversed.csv, target: cultivar}").output == same)
        try write("renamed.csv") { fields in [fields[0] == "alcohol" ? "alc" : fields[0]] + fields.dropFirst() }
        #expect(throws: DataError(file: "--data", message: "the columns differ from the training data's: missing 'alcohol'; not in the training data 'alc'")) {
            _ = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/renamed.csv, target: cultivar}")
        }
    }

    /// A categorical column is expanded into the categories the model was
    /// trained on: one row of one colour can be predicted, an unknown colour is an error.
    @Test func oneHotCategoriesComeFromTheCheckpoint() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "size,colour,label\n1,red,hi\n2,blue,lo\n3,red,hi\n4,blue,lo\n".write(toFile: root + "/train.csv", atomically: true, encoding: .utf8)
        let (directory, _, _) = try runExperiment("""
            name: colours
            dataset: {csv: {path: train.csv, target: label, one_hot: [colour]}}
            model: [{dense: {units: 2}}]
            loss: softmax_cross_entropy
            train: {epochs: 3, optimizer: {sgd: {lr: 0.1}}}
            checkpoint: {every: 3}
            """, in: root)
        let checkpoint = try lastCheckpoint(directory, epoch: 3)
        #expect(try CheckpointFile.read(path: checkpoint).preprocessor.featureNames == ["size", "colour=blue", "colour=red"])
        try "size,colour\n2,blue\n".write(toFile: root + "/one.csv", atomically: true, encoding: .utf8)
        let one = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/one.csv, one_hot: [colour]}").output
        let all = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/train.csv, target: label, one_hot: [colour]}").output
        #expect(one.count == 2 && one[1].dropFirst(2) == all[2].dropFirst(2))  // the same row, blue, predicted alike
        try "size,colour\n2,green\n".write(toFile: root + "/green.csv", atomically: true, encoding: .utf8)
        #expect(throws: DataError(file: "\(root)/green.csv", line: 2, message: "column 'colour' has 'green', a category the training data does not have")) {
            _ = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/green.csv, one_hot: [colour]}")
        }
    }

    /// The preprocessor a checkpoint saves is the one training fitted and
    /// applied: the experiment's own test rows, given to `evaluate` and
    /// `predict` as a new file with its columns in another order, score and
    /// predict exactly as the run measured them in training.
    @Test func predictTransformsDataAsTrainingDid() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment(wineExperiment(name: "wine-preprocessor"), in: root)
        let checkpoint = try lastCheckpoint(directory, epoch: 15)
        let plan = try ExperimentLoader(catalog: .builtIn).load(path: root + "/exp.yaml")
        let trained = try PreparedData<Float>(plan).preprocessor
        #expect(try CheckpointFile.read(path: checkpoint).preprocessor == trained)
        #expect(trained.featureScaling != nil && trained.classNames == ["class_0", "class_1", "class_2"])

        let (header, rows) = try wineRows()
        let testRows = try #require(result.splits).test.map { rows[$0] }
        // Reversed, the target column comes first: rows.csv leaves it out.
        let reversed = ([header] + testRows.map(\.line)).map { $0.split(separator: ",").reversed() }
        try (reversed.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(toFile: root + "/test.csv", atomically: true, encoding: .utf8)
        try (reversed.map { $0.dropFirst().joined(separator: ",") }.joined(separator: "\n") + "\n").write(toFile: root + "/rows.csv", atomically: true, encoding: .utf8)
        let test = try #require(result.runs.first?.test), accuracy = try #require(test.accuracy)
        let evaluated = try Commands(catalog: .builtIn).evaluate(checkpoint: checkpoint, data: "csv: {path: \(root)/test.csv, target: cultivar}").output
        #expect(evaluated.contains("loss: \(formatNumber(test.loss))") && evaluated.contains("accuracy: \(formatNumber(accuracy))"))
        let predicted = try Commands(catalog: .builtIn).predict(checkpoint: checkpoint, data: "csv: {path: \(root)/rows.csv}").output
        var confusion = Array(repeating: Array(repeating: 0, count: 3), count: 3)
        for (row, line) in zip(testRows, predicted.dropFirst()) {
            let predictedClass = try #require(Int(line.split(separator: ",")[1].dropFirst("class_".count)))
            confusion[try #require(Int(row.label.dropFirst("class_".count)))][predictedClass] += 1
        }
        #expect(predicted.count == testRows.count + 1 && confusion == test.confusion)
    }

    @Test func evaluateNoticesThatTheExperimentsDataChanged() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var lines = try String(contentsOfFile: wineFile, encoding: .utf8).split(separator: "\n")
        try (lines.joined(separator: "\n") + "\n").write(toFile: root + "/wine.csv", atomically: true, encoding: .utf8)
        let (directory, _, _) = try runExperiment(wineExperiment(name: "wine-moved", epochs: 2).replacingOccurrences(of: wineFile, with: "wine.csv"), in: root)
        let checkpoint = try lastCheckpoint(directory, epoch: 2)
        #expect(try Commands(catalog: .builtIn).evaluate(checkpoint: checkpoint, data: nil).output.count > 2)
        lines.swapAt(1, 100)
        try (lines.joined(separator: "\n") + "\n").write(toFile: root + "/wine.csv", atomically: true, encoding: .utf8)
        #expect(throws: DataError(file: checkpoint, message: "the data of its experiment \(root)/exp.yaml changed since this checkpoint was saved, so its test rows would not be the same; give data with --data")) {
            _ = try Commands(catalog: .builtIn).evaluate(checkpoint: checkpoint, data: nil)
        }
    }

    /// A header that does not fit its model is an error, not an index past an array.
    @Test func inconsistentHeadersAreErrors() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, _, _) = try runExperiment("""
            name: sine
            dataset: {sine: {samples: 20}, split: {test: 5}, scale_target: standardize}
            model: [{dense: {units: 1}}]
            loss: mse
            train: {epochs: 2, optimizer: {sgd: {lr: 0.1}}}
            checkpoint: {every: 2}
            """, in: root)
        let original = try lastCheckpoint(directory, epoch: 2)
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("its target scaling has 0 entries, the model has 1", { $0["targetScaling"] = ["shift": [Double](), "factor": [Double]()] }),
            ("its target scaling has a factor of 0 or a value that is not finite", { $0["targetScaling"] = ["shift": [0.0], "factor": [0.0]] }),
            ("a classifier's checkpoint has a target scaling", { $0["classNames"] = ["a", "b"] }),
            ("it names 2 features (distinct: 2), the model takes 1", { $0["featureNames"] = ["x", "y"] }),
        ]
        for (index, (message, edit)) in cases.enumerated() {
            let path = root + "/edited\(index).checkpoint"
            try FileManager.default.copyItem(atPath: original, toPath: path)
            try editHeader(path, edit)
            #expect(throws: DataError(file: path, message: "inconsistent checkpoint: " + message)) {
                _ = try Commands(catalog: .builtIn).evaluate(checkpoint: path, data: nil)
            }
        }
    }
}

@Suite struct HeldOutOutputTests {
    /// Bug: asked-for charts this data cannot give were dropped in silence.
    @Test func chartsThatCannotBeDrawnAreWarningsInValidateRunAndReport() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let yaml = """
            name: no-test
            dataset:
              csv: {path: \(wineFile), target: cultivar}
            model: [{dense: {units: 3}}]
            loss: softmax_cross_entropy
            train: {epochs: 2, optimizer: {sgd: {lr: 0.01}}}
            plots: [loss, confusion, decision_boundary]
            """
        try yaml.write(toFile: root + "/exp.yaml", atomically: true, encoding: .utf8)
        let warnings = [
            "warning: plot 'decision_boundary' cannot be drawn: a decision boundary is drawn over 2 input features; this dataset has 13",
            "warning: plot 'confusion' cannot be drawn: a confusion matrix is measured on a test set; hold one out with dataset: {split: {test: 0.2}}",
        ]
        let validated = try Commands(catalog: .builtIn).validate(path: root + "/exp.yaml").output
        #expect(warnings.allSatisfy(validated.contains))
        let (directory, _, outcome) = try runExperiment(yaml, in: root)
        #expect(warnings.allSatisfy(outcome.messages.contains))
        #expect(!FileManager.default.fileExists(atPath: directory + "/confusion.gp"))
        let report = try String(contentsOfFile: directory + "/report.md", encoding: .utf8)
        #expect(report.contains("- plot 'confusion' cannot be drawn: a confusion matrix is measured on a test set"))
    }

    @Test func validationCurvesAreDashedInTheirRunsColourAndColoursNeverRepeat() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment(wineExperiment(name: "wine-charts", epochs: 3), in: root)
        let script = try String(contentsOfFile: directory + "/loss.gp", encoding: .utf8)
        let lines = script.split(separator: "\n").filter { $0.contains("with linespoints") }
        #expect(lines.count == 2)
        let label = try #require(result.labels.first)
        #expect(lines[0].contains("lc rgb '\(Gnuplot.color(0))'") && lines[0].contains("dt 1") && lines[0].contains("title '\(label)'"))
        #expect(lines[1].contains("lc rgb '\(Gnuplot.color(0))'") && lines[1].contains("dt 2") && lines[1].contains("notitle"))
        #expect(script.contains("title 'validation (dashed)'"))
        #expect(Set((0..<600).map(Gnuplot.color)).count == 600)
        #expect((0..<600).map(Gnuplot.color).allSatisfy { $0.count == 7 && $0.hasPrefix("#") })

        // metrics.csv: the test set's numbers, once, at the epoch measured, without step or seconds.
        let metrics = try String(contentsOfFile: directory + "/metrics.csv", encoding: .utf8)
        let test = try #require(result.runs.first?.test)
        #expect(metrics.contains("\n\(label),1,3,,,test_loss,\(test.loss)\n"))
        #expect(metrics.contains("\n\(label),1,3,,,test_accuracy,\(test.accuracy!)\n"))
        let summary = try Summary.decode(try Data(contentsOf: URL(fileURLWithPath: directory + "/summary.json")))
        #expect(summary.runs[0].finalValidationAccuracy?.mean == result.runs[0].history.last?.validationAccuracy)
    }

    @Test func aLearningRateChartIsDrawnByDefaultOnlyForAChangingRate() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, _, _) = try runExperiment("""
            name: scheduled
            dataset: {xor: {samples: 16}}
            model: [{dense: {units: 1}}]
            loss: bce_with_logits
            train: {epochs: 4, optimizer: {sgd: {lr: 0.1}}, schedule: {step: {step_size: 2, gamma: 0.5}}}
            """, in: root)
        #expect(FileManager.default.fileExists(atPath: directory + "/lr.gp"))
        let gradients = try String(contentsOfFile: directory + "/grad_norm.gp", encoding: .utf8)
        #expect(gradients.contains("set bmargin"))  // the legend gets its own room below the x label
    }

    /// A sweep of hundreds of runs gets at most 36 panels, so gnuplot can draw the image.
    @Test func smallMultiplesAreCapped() {
        let panels = Panels((1...250).map { "run \($0)" }, columns: 3)
        #expect(panels.labels.count == 36 && panels.rows == 12 && panels.columns == 3)
        #expect(panels.note == " (first 36 of 250 runs)")
        #expect(Panels(["a", "b"], columns: 3).note.isEmpty && Panels(["a", "b"], columns: 3).columns == 2)
    }
}
