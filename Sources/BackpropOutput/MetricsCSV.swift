import BackpropAnalysis

/// metrics.csv in tidy form, one value per row: `run,seed,epoch,step,seconds,metric,value`
/// (loads directly into pandas or gnuplot). Per-layer gradient norms appear as
/// `grad_norm:layer1.dense`; per-step losses, when recorded, as `step_loss`.
/// Regression adds `mse`, `rmse`, `mae`, `r2` (and `val_` ones) in the
/// targets' own units. The test set, measured once, gives `test_loss`,
/// `test_accuracy` (or `test_mse`, `test_rmse`, `test_mae`, `test_r2`) on the epoch whose weights were
/// measured, with no step or seconds.
package enum MetricsCSV {
    package static let header = "run,seed,epoch,step,seconds,metric,value"

    package static func render(_ result: ExperimentResult) -> String {
        var lines = [header]
        for run in result.runs {
            let label = csvField(run.label)
            for record in run.history.records {
                let prefix = "\(label),\(run.seed),\(record.epoch),\(record.step),\(record.seconds)"
                var metrics: [(String, Double?)] = [
                    ("loss", record.loss), ("accuracy", record.accuracy), ("batch_loss", record.batchLoss),
                    ("val_loss", record.validationLoss), ("val_accuracy", record.validationAccuracy),
                ]
                metrics += regressionMetrics(record.regression, prefix: "")
                metrics += regressionMetrics(record.validationRegression, prefix: "val_")
                metrics += [
                    ("lr", record.learningRate), ("grad_norm", record.gradientNorm), ("samples_seen", Double(record.samplesSeen)),
                ]
                for (layer, norm) in zip(run.history.layerNames, record.layerGradientNorms) {
                    metrics.append(("grad_norm:\(layer)", norm))
                }
                for (name, value) in metrics {
                    if let value { lines.append("\(prefix),\(name),\(value)") }
                }
            }
            if let test = run.test {
                let epoch = test.epoch ?? run.history.records.last?.epoch ?? 0
                let metrics = [("test_loss", test.loss), ("test_accuracy", test.accuracy)] + regressionMetrics(test.regression, prefix: "test_")
                for case (let name, let value?) in metrics {
                    lines.append("\(label),\(run.seed),\(epoch),,,\(name),\(value)")
                }
            }
            let stepsPerEpoch = max(1, run.history.records.dropFirst().first?.step ?? 1)
            for (index, loss) in run.history.stepLosses.enumerated() {
                lines.append("\(label),\(run.seed),\(index / stepsPerEpoch + 1),\(index + 1),,step_loss,\(loss)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func regressionMetrics(_ scores: RegressionScores?, prefix: String) -> [(String, Double?)] {
        guard let scores else { return [] }
        return [(prefix + "mse", scores.mse), (prefix + "rmse", scores.rmse), (prefix + "mae", scores.mae), (prefix + "r2", scores.r2)]
    }

    /// Quotes a field when it holds a comma, quote or line break (RFC 4180).
    package static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
