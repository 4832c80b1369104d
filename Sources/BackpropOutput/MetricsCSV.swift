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
                var metrics = Metric.perEpoch.map { ($0.rawValue, $0.value(of: record)) }
                for (layer, norm) in zip(run.history.layerNames, record.layerGradientNorms) {
                    metrics.append(("\(Metric.gradientNorm.rawValue):\(layer)", norm))
                }
                for (name, value) in metrics {
                    if let value { lines.append("\(prefix),\(name),\(value)") }
                }
            }
            if let test = run.test {
                let epoch = test.epoch ?? run.history.records.last?.epoch ?? 0
                for metric in Metric.onTestSet {
                    if let value = metric.value(of: test) { lines.append("\(label),\(run.seed),\(epoch),,,\(metric.rawValue),\(value)") }
                }
            }
            let stepsPerEpoch = max(1, run.history.records.dropFirst().first?.step ?? 1)
            for (index, loss) in run.history.stepLosses.enumerated() {
                lines.append("\(label),\(run.seed),\(index / stepsPerEpoch + 1),\(index + 1),,\(Metric.stepLoss.rawValue),\(loss)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
