import Foundation
import Testing
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput

/// `Metric` is the one place a metric's names live: what a file writes, the
/// rows of metrics.csv, the report's words. These pin each name to what it
/// measures, so a mapping that drifts fails here and not in a reader's data.
@Suite struct MetricTests {
    static func experiment(dataset: String, model: String, loss: String) -> String {
        """
        name: m
        dataset:
          \(dataset)
          split: {validation: 0.25, test: 0.25}
        model: \(model)
        loss: \(loss)
        train: {epochs: 3, batch: 8, record_steps: true, optimizer: {adam: {lr: 0.01}}}
        """
    }

    static let classification = experiment(dataset: "xor: {samples: 80, noise: 0.1}",
                                           model: "[{dense: {units: 4}}, tanh, {dense: {units: 1}}]", loss: "bce_with_logits")
    static let regression = experiment(dataset: "sine: {samples: 60, noise: 0.1}",
                                       model: "[{dense: {units: 4}}, tanh, {dense: {units: 1}}]", loss: "mse")

    /// metrics.csv's rows of one epoch as the docs name them, read from the
    /// record's fields by hand rather than through `Metric`.
    static func documentedRow(_ name: String, of record: EpochRecord) -> Double?? {
        let rows: [String: Double?] = [
            "loss": record.loss, "accuracy": record.accuracy, "batch_loss": record.batchLoss,
            "val_loss": record.validationLoss, "val_accuracy": record.validationAccuracy,
            "mse": record.regression?.mse, "rmse": record.regression?.rmse, "mae": record.regression?.mae, "r2": record.regression?.r2,
            "val_mse": record.validationRegression?.mse, "val_rmse": record.validationRegression?.rmse,
            "val_mae": record.validationRegression?.mae, "val_r2": record.validationRegression?.r2,
            "lr": record.learningRate, "grad_norm": record.gradientNorm, "samples_seen": Double(record.samplesSeen),
        ]
        return rows[name]
    }

    /// Across a classification and a regression, every metric but `seconds`
    /// (a column of its own) names rows of metrics.csv, every row is named by
    /// a metric (a layer's gradient norm by `grad_norm:` and the layer), and
    /// each per-epoch row holds the record's field of that name.
    @Test func metricsCSVRowsAreTheMetricsByName() throws {
        var named: Set<String> = []
        for text in [Self.classification, Self.regression] {
            let result = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(text, file: "m.yaml"))
            let run = try #require(result.runs.first)
            for row in MetricsCSV.render(result).split(separator: "\n").dropFirst() {
                let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let name = fields[5].hasPrefix("grad_norm:") ? "grad_norm" : fields[5]
                named.insert(name)
                let metric = try #require(Metric(rawValue: name), "row '\(row)' is named by no metric")
                // The first run's per-epoch rows: the test set's and the steps' have no seconds.
                guard fields[0] == run.label, fields[1] == "\(run.seed)", !fields[4].isEmpty, fields[5] == name,
                      let record = run.history.records.first(where: { "\($0.epoch)" == fields[2] }) else { continue }
                let documented = try #require(Self.documentedRow(name, of: record), "'\(name)' is not a per-epoch row")
                #expect(fields[6] == documented.map { "\($0)" }, "\(name) at epoch \(record.epoch)")
                #expect(metric.value(of: record) == documented, "\(name)")
            }
        }
        #expect(named == Set(Metric.allCases.filter { $0 != .seconds }.map(\.rawValue)))
        #expect(Set(Metric.perEpoch + Metric.onTestSet + [.stepLoss, .seconds]) == Set(Metric.allCases))
    }

    /// Every name `metrics:`, `restore_best:` and a suite's `target:` allow
    /// reads back as the metric it names.
    @Test func everyAllowedNameReadsBackAsItsMetric() throws {
        let names = Metric.reportable.map(\.rawValue).joined(separator: ", ")
        let plan = try ExperimentLoader(catalog: .builtIn).parse(Self.classification + "\nmetrics: [\(names)]", file: "m.yaml")
        #expect(plan.tableMetrics == Metric.reportable)
        #expect(plan.metrics == ["loss", "accuracy", "batch_loss", "val_loss", "val_accuracy", "lr", "grad_norm", "seconds"])
        #expect(try ExperimentLoader(catalog: .builtIn).parse(Self.classification, file: "m.yaml").tableMetrics == Metric.reportable)
        for metric in Metric.restorable {
            let text = Self.classification.replacingOccurrences(of: "record_steps: true", with: "restore_best: \(metric.rawValue)")
            #expect(try ExperimentLoader(catalog: .builtIn).parse(text, file: "m.yaml").runs.map(\.restoreBest) == [metric])
        }
        for metric in Metric.suiteTargets {
            let value = try #require(try YAMLReader.read("{\(metric.rawValue): 0.5}", file: "s.yaml"))
            #expect(try ProblemTarget.parse(value).metric == metric)
        }
    }

    /// A metric known elsewhere is still unknown where it is not allowed,
    /// with the message and place of any unknown name.
    @Test(arguments: [
        ("metrics: [rmse]", "m.yaml:8:11: unknown metric 'rmse'; known: accuracy, batch_loss, grad_norm, loss, lr, seconds, val_accuracy, val_loss"),
        ("metrics: [val_los]", "m.yaml:8:11: unknown metric 'val_los' (did you mean 'val_loss'?); known: accuracy, batch_loss, grad_norm, loss, lr, seconds, val_accuracy, val_loss"),
        ("restore_best: loss", "m.yaml:7:44: unknown value for restore_best: 'loss'; known: val_accuracy, val_loss"),
    ])
    func aMetricNotAllowedThereIsUnknown(setting: String, expected: String) {
        let text = setting.hasPrefix("metrics")
            ? Self.classification + "\n" + setting
            : Self.classification.replacingOccurrences(of: "record_steps: true", with: setting)
        let error = #expect(throws: ExperimentError.self) { try ExperimentLoader(catalog: .builtIn).parse(text, file: "m.yaml") }
        #expect(error.map { "\($0)" } == expected)
    }

    /// The report's words for a metric (the suite report's too), summary.json's
    /// name for the verdict's, and which way each is better.
    @Test func labelsAndEncodedNames() throws {
        #expect(Metric.loss.label == "loss")
        #expect(Metric.validationAccuracy.label == "val accuracy")
        #expect(Metric.validationRMSE.label == "val RMSE")
        #expect(Metric.testAccuracy.label == "test accuracy")
        #expect(Metric.testRMSE.label == "test RMSE")
        #expect(Metric.testR2.label == "test R²")
        #expect(Metric.testMAE.label == "test MAE")
        #expect(String(decoding: try JSONEncoder().encode([Metric.accuracy, .rmse]), as: UTF8.self) == #"["accuracy","rmse"]"#)
        let higherIsBetter = Set(Metric.allCases.filter(\.higherIsBetter))
        #expect(higherIsBetter == [.accuracy, .validationAccuracy, .testAccuracy, .r2, .validationR2, .testR2])
    }
}
