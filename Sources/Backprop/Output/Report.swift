/// report.md: the comparison table, the charts, and the experiment echoed back.
public enum Report {
    public static func render(_ result: ExperimentResult, summary: Summary, charts: [ChartFiles]) -> String {
        let plan = result.plan
        var lines = ["# \(plan.name)", ""]
        if !plan.description.isEmpty { lines += [plan.description, ""] }
        var data = "\(result.trainingSamples) training samples"
        if result.validationSamples > 0 { data += ", \(result.validationSamples) validation" }
        if result.testSamples > 0 { data += ", \(result.testSamples) test" }
        lines += [
            "- data: \(plan.dataset) — \(data), \(result.featureNames.count) features"
                + (result.classNames.map { ", \($0.count) classes" } ?? ", regression"),
            "- model: \(plan.model.map(\.name).joined(separator: " → ")), loss \(plan.lossName), \(plan.dtype.rawValue)",
            "- seeds: \(plan.seeds.map(String.init).joined(separator: ", ")) (numbers are mean ± std over seeds)",
            "- total wall time: \(formatNumber(result.wallSeconds)) s",
            "",
        ]
        lines += table(summary, metrics: plan.metrics, hasThreshold: plan.runs.contains { $0.stopping.lossBelow != nil })
        lines.append("")
        let settings = summary.runs.map { "- **\(escape($0.label))**: \(escape($0.settings))" }
        lines += ["Settings:", ""] + settings + [""]
        if !result.warnings.isEmpty {
            lines += ["## Warnings", ""] + result.warnings.map { "- \(escape($0))" } + [""]
        }
        if let names = result.classNames, let confusion = result.runs.first?.test?.confusion {
            lines += ["## Test-set confusion matrix (\(escape(result.runs[0].label)), seed \(result.runs[0].seed))", ""]
            lines += confusionTable(confusion, names: names) + [""]
        }
        if !charts.isEmpty {
            lines += ["## Charts", ""]
            for chart in charts {
                lines += ["![\(chart.name)](\(chart.imageFile))", ""]
            }
        }
        lines += ["## Experiment", "", "```yaml", plan.source.trimmingTrailingNewlines(), "```", ""]
        return lines.joined(separator: "\n")
    }

    /// The comparison table; `metrics` (the file's `metrics:`) chooses the optional columns.
    static func table(_ summary: Summary, metrics: [String], hasThreshold: Bool) -> [String] {
        let hasValidation = metrics.contains("val_accuracy") && summary.runs.contains { $0.bestValidationAccuracy != nil }
        let hasValidationLoss = metrics.contains("val_loss") && summary.runs.contains { $0.finalValidationLoss != nil }
        let hasAccuracy = metrics.contains("accuracy") && summary.runs.contains { $0.finalAccuracy != nil }
        let hasTest = summary.runs.contains { $0.testLoss != nil }
        var header = ["run", "final loss"]
        if hasAccuracy { header.append("final accuracy") }
        if hasValidationLoss { header.append("final val loss") }
        if hasValidation { header.append("best val accuracy") }
        if hasTest { header += ["test loss", "test accuracy"] }
        let hasSeconds = metrics.contains("seconds")
        if hasThreshold { header += ["epochs to threshold"] + (hasSeconds ? ["seconds to threshold"] : []) }
        header += ["diverged", "stopped"] + (hasSeconds ? ["wall time (s)"] : [])
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        for run in summary.runs {
            var cells = [escape(run.label), run.finalLoss?.text ?? "—"]
            if hasAccuracy { cells.append(run.finalAccuracy?.text ?? "—") }
            if hasValidationLoss { cells.append(run.finalValidationLoss?.text ?? "—") }
            if hasValidation { cells.append(run.bestValidationAccuracy?.text ?? "—") }
            if hasTest { cells += [run.testLoss?.text ?? "—", run.testAccuracy?.text ?? "—"] }
            if hasThreshold {
                let reached = "\(run.thresholdReached)/\(run.seeds.count) reached"
                cells.append(run.epochsToThreshold.map { "\($0.text) (\(reached))" } ?? "not reached")
                if hasSeconds { cells.append(run.secondsToThreshold?.text ?? "—") }
            }
            let diverged = run.diverged == 0 ? "no" : "yes, \(run.diverged)/\(run.seeds.count) (epoch \(run.divergedAtEpochs.map(String.init).joined(separator: ", ")))"
            let reasons = Dictionary(grouping: run.stopReasons, by: { $0 }).sorted { $0.key < $1.key }
                .map { $0.value.count == run.stopReasons.count ? $0.key : "\($0.key) ×\($0.value.count)" }.joined(separator: ", ")
            cells += [diverged, reasons] + (hasSeconds ? [run.wallSeconds?.text ?? "—"] : [])
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    static func confusionTable(_ confusion: [[Int]], names: [String]) -> [String] {
        let header = ["actual \\ predicted"] + names.map(escape)
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        for (index, row) in confusion.enumerated() {
            lines.append("| " + ([escape(names.indices.contains(index) ? names[index] : "\(index)")] + row.map(String.init)).joined(separator: " | ") + " |")
        }
        return lines
    }

    /// Keeps user text from breaking the Markdown table or layout.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r": result += " "
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
