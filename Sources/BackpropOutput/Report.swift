import BackpropAnalysis

/// report.md: the verdict first, then the comparison table, the settings, the
/// charts, and the experiment echoed back.
package enum Report {
    /// `notDrawn`: the charts asked for that could not be drawn, with the reason.
    package static func render(_ result: ExperimentResult, summary: Summary, charts: [ChartFiles], notDrawn: [String] = []) -> String {
        let plan = result.plan
        var lines = ["# \(escape(plan.name))", ""]
        if let partial = result.partial { lines += ["> **Partial results**: \(escape(partial)). Run the command again to finish them.", ""] }
        if !plan.description.isEmpty { lines += [escape(plan.description), ""] }
        lines += [
            "- data: \(escape("\(plan.dataset)")) — \(dataLine(result))",
            "- model: \(plan.model.map(\.name).joined(separator: " → ")), loss \(plan.lossName), \(plan.dtype.rawValue)",
            "- seeds: \(plan.seeds.map(String.init).joined(separator: ", ")) (numbers are mean ± std over seeds, 3 significant digits)",
            "- total wall time: \(formatSignificant(result.wallSeconds, digits: 3)) s" + reusedNote(result)
                + (result.blas.map { " (BLAS kernel \(escape($0)))" } ?? "") + kernelsNote(result),
            "",
        ]
        if let verdict = summary.verdict {
            lines += verdictSection(verdict)
        }
        lines += ["## Results", ""]
        lines += table(summary, metrics: plan.tableMetrics, regression: result.classNames == nil, scaledTargets: result.targetsScaled,
                       hasThreshold: plan.runs.contains { $0.stopping.lossBelow != nil })
        lines.append("")
        lines += sweepSection(result)
        let settings = summary.runs.map { "- **\(escape($0.label))**: \(escape($0.settings))" }
        lines += ["Settings:", ""] + settings + [""]
        let warnings = result.warnings + notDrawn
        if !warnings.isEmpty {
            lines += ["## Warnings", ""] + warnings.map { "- \(escape($0))" } + [""]
        }
        lines += winnerDiagnostics(result, verdict: summary.verdict)
        if !charts.isEmpty {
            lines += ["## Charts", ""]
            for chart in charts {
                lines += ["![\(chart.name)](\(chart.imageFile))", ""]
            }
        }
        lines += ["## Experiment", ""] + codeBlock(plan.source.trimmingTrailingNewlines(), language: "yaml") + [""]
        return lines.joined(separator: "\n")
    }

    /// " of this invocation, which reused 37 of 162 finished trials": a resumed
    /// sweep's wall time is not the time its trials took (their own seconds are in metrics.csv).
    static func reusedNote(_ result: ExperimentResult) -> String {
        result.reused > 0 ? " of this invocation, which reused \(result.reused) of \(result.runs.count) finished trials" : ""
    }

    /// "; trials trained on kernels Cooperlake (100), Haswell (62)" when merged or reused trials
    /// came from other kernels than this machine's (they agree to rounding, not to the bit).
    static func kernelsNote(_ result: ExperimentResult) -> String {
        var counts: [String: Int] = [:]
        for run in result.runs { if let kernel = run.kernel { counts[kernel, default: 0] += 1 } }
        // `blas` starts with the name of this machine's kernel.
        let here = result.blas.map { String($0.prefix { $0 != " " }) }
        guard counts.count > 1 || (here != nil && counts.keys.contains { $0 != here }) else { return "" }
        return "; trials trained on kernels " + counts.sorted { $0.key < $1.key }.map { "\(escape($0.key)) (\($0.value))" }.joined(separator: ", ")
    }

    /// "120 training samples, 30 validation, 30 test (held out by split, seed 24301, stratified), 4 features, 3 classes".
    static func dataLine(_ result: ExperimentResult) -> String {
        var text = "\(result.trainingSamples) training samples"
        if result.validationSamples > 0 { text += ", \(result.validationSamples) validation" }
        if result.testSamples > 0 {
            text += ", \(result.testSamples) test"
            text += result.testSource == .split ? " (held out by the split)" : " (the dataset's own)"
        }
        if let split = result.plan.split {
            text += "; split seed \(split.seed)\(split.stratify ? ", stratified" : "")\(result.splits == nil ? "" : ", rows in splits.csv");"
        }
        text += (result.plan.split == nil ? ", " : " ") + "\(result.featureNames.count) feature\(result.featureNames.count == 1 ? "" : "s")"
        text += result.classNames.map { ", \($0.count) classes" } ?? ", regression\(result.targetsScaled ? " (targets scaled for training: losses on scaled targets, RMSE and MAE in the targets' own units)" : "")"
        return text
    }

    /// The comparison table; `metrics` (the file's `metrics:`) chooses the optional columns.
    /// `scaledTargets`: the losses are on scaled regression targets, which the loss columns say.
    static func table(_ summary: Summary, metrics: [Metric], regression: Bool, scaledTargets: Bool = false, hasThreshold: Bool) -> [String] {
        let runs = summary.runs
        /// "final val loss (scaled targets)": `statistic` over epochs ("final",
        /// "best"), none for the test set's one measurement.
        func heading(_ statistic: String?, _ metric: Metric) -> String {
            [statistic, metric.label].compactMap { $0 }.joined(separator: " ") + (scaledTargets && metric.isLoss ? " (scaled targets)" : "")
        }
        var columns: [(String, (Summary.Run) -> Statistic?)] = [(heading("final", .loss), { $0.finalLoss })]
        func add(_ statistic: String?, _ metric: Metric, when shown: Bool, _ value: @escaping (Summary.Run) -> Statistic?) {
            if shown && runs.contains(where: { value($0) != nil }) { columns.append((heading(statistic, metric), value)) }
        }
        add("final", .accuracy, when: metrics.contains(.accuracy)) { $0.finalAccuracy }
        add("final", .rmse, when: regression) { $0.finalRegression?.rmse }
        add("final", .validationLoss, when: metrics.contains(.validationLoss)) { $0.finalValidationLoss }
        add("final", .validationAccuracy, when: metrics.contains(.validationAccuracy)) { $0.finalValidationAccuracy }
        add("best", .validationAccuracy, when: metrics.contains(.validationAccuracy)) { $0.bestValidationAccuracy }
        add("final", .validationRMSE, when: regression) { $0.finalValidationRegression?.rmse }
        add(nil, .testLoss, when: true) { $0.testLoss }
        add(nil, .testAccuracy, when: true) { $0.testAccuracy }
        add(nil, .testRMSE, when: regression) { $0.testRegression?.rmse }
        add(nil, .testMAE, when: regression) { $0.testRegression?.mae }
        add(nil, .testR2, when: regression) { $0.testRegression?.r2 }
        let hasSeconds = metrics.contains(.seconds)
        var header = ["run"] + columns.map(\.0)
        if hasThreshold { header += ["epochs to threshold"] + (hasSeconds ? ["seconds to threshold"] : []) }
        header += ["diverged", "stopped"] + (hasSeconds ? ["wall time (s)"] : [])
        var lines = row(header) + [separator(header.count)]
        for run in runs {
            var cells = [escape(run.label)] + columns.map { $0.1(run)?.text ?? "—" }
            if hasThreshold {
                let reached = "\(run.thresholdReached)/\(run.seeds.count) reached"
                cells.append(run.epochsToThreshold.map { "\($0.text) (\(reached))" } ?? "not reached")
                if hasSeconds { cells.append(run.secondsToThreshold?.text ?? "—") }
            }
            let diverged = run.diverged == 0 ? "no" : "yes, \(run.diverged)/\(run.seeds.count) (epoch \(run.divergedAtEpochs.map(String.init).joined(separator: ", ")))"
            let reasons = Dictionary(grouping: run.stopReasons, by: { $0 }).sorted { $0.key < $1.key }
                .map { $0.value.count == run.stopReasons.count ? $0.key : "\($0.key) ×\($0.value.count)" }.joined(separator: ", ")
            let restored = run.restoredEpochs.isEmpty ? "" : "; restored best epoch \(run.restoredEpochs.map(String.init).joined(separator: ", "))"
            cells += [diverged, reasons + restored] + (hasSeconds ? [run.wallSeconds?.text ?? "—"] : [])
            lines += row(cells)
        }
        return lines
    }

    static func row(_ cells: [String]) -> [String] { ["| " + cells.joined(separator: " | ") + " |"] }
    static func separator(_ count: Int) -> String { "|" + Array(repeating: "---", count: count).joined(separator: "|") + "|" }

    static func confusionTable(_ confusion: [[Int]], names: [String]) -> [String] {
        let header = ["actual \\ predicted"] + names.map(escape)
        var lines = row(header) + [separator(header.count)]
        for (index, counts) in confusion.enumerated() {
            lines += row([escape(names.indices.contains(index) ? names[index] : "\(index)")] + counts.map(String.init))
        }
        return lines
    }

    /// `text` as a fenced code block, shown exactly: the fence is longer than
    /// any run of backticks inside, so a ``` in a description cannot close it.
    static func codeBlock(_ text: String, language: String) -> [String] {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + language, text, fence]
    }

    /// Keeps user text from breaking the Markdown table or layout.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "`": result += "\\`"  // a ``` would open a code block that swallows the rest
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
