import BackpropAnalysis

package struct ConfusionChart: Chart {
    package static let name = "confusion"
    package static let summary = "test-set confusion matrix of each run (first seed) as a heat map"
    package init(settings: Settings) {}

    package func unavailableReason(for data: DataShape) -> String? {
        if data.classes == nil { return "a confusion matrix needs class labels; this dataset is a regression problem" }
        if data.testSamples == 0 { return "a confusion matrix is measured on a test set; hold one out with dataset: {split: {test: 0.2}}" }
        return nil
    }

    /// Test-set confusion matrix of each run's first seed as a heat map.
    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        guard result.runs.contains(where: { $0.test?.confusion != nil }) else { return nil }
        let panels = Panels(result.labels.filter { result.results(for: $0).first?.test?.confusion != nil }, columns: 2)
        let (labels, columns, rows) = (panels.labels, panels.columns, panels.rows)
        let names = result.classNames ?? []
        var blocks: [[String]] = []
        var script = Gnuplot.header(output: "confusion.png", width: 620 * columns + 40, height: 560 * rows + 60, curves: 1)
        let tics = names.enumerated().map { "\(Gnuplot.quoted($0.element)) \($0.offset)" }.joined(separator: ", ")
        script += ["set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted("\(result.plan.name): test-set confusion matrix (first seed)" + panels.note))",
                   "unset key", "set palette defined (0 '#ffffff', 1 '#6baed6', 2 '#08306b')", "set size ratio -1",
                   "set xlabel 'predicted class'", "set ylabel 'actual class'",
                   "set xtics (\(tics)) rotate by 45 right", "set ytics (\(tics))", "set cblabel 'fraction of the actual class'"]
        for label in labels {
            guard let confusion = result.results(for: label).first?.test?.confusion else { continue }
            var lines = ["# actual predicted fraction count"]
            for (actual, row) in confusion.enumerated() {
                let total = max(row.reduce(0, +), 1)
                for (predicted, count) in row.enumerated() {
                    lines.append("\(predicted) \(actual) \(Double(count) / Double(total)) \(count)")
                }
                lines.append("")
            }
            blocks.append(lines)
            let index = blocks.count - 1
            script.append("set title \(Gnuplot.quoted(label))")
            script.append("set xrange [-0.5:\(Double(confusion.count) - 0.5)]")
            // Actual classes top to bottom in class order; counts in white on dark cells.
            script.append("set yrange [\(Double(confusion.count) - 0.5):-0.5]")
            script.append("plot 'confusion.dat' index \(index) using 1:2:3 with image, \\\n     '' index \(index) using 1:2:($3 > 0.5 ? '' : sprintf('%d', $4)) with labels font ',8' tc rgb 'black', \\\n     '' index \(index) using 1:2:($3 > 0.5 ? sprintf('%d', $4) : '') with labels font ',8' tc rgb 'white'")
        }
        script.append("unset multiplot")
        return ChartFiles(name: Self.name, dataFiles: [("confusion.dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }
}
