/// The convergence charts of an experiment, as gnuplot data and scripts.
///
/// Every curve is a run: its line is the mean over seeds, and a translucent
/// band spans the smallest to the largest seed at each point.
public enum Charts {
    public static func make(_ result: ExperimentResult) -> [Chart] {
        let plots = result.plan.plots
        var charts: [Chart] = []
        let title = result.plan.name
        if plots.contains("loss") {
            charts.append(bandChart(result, name: "loss", title: "\(title): training loss by epoch",
                                    xLabel: "epoch", yLabel: "loss over the training set (log scale)", logY: true) { $0.loss })
        }
        if plots.contains("batch_loss") {
            charts.append(bandChart(result, name: "batch_loss", title: "\(title): mean mini-batch loss by epoch",
                                    xLabel: "epoch", yLabel: "mean batch loss (log scale)", logY: true) { $0.batchLoss })
        }
        if plots.contains("loss_vs_time") {
            charts.append(bandChart(result, name: "loss_vs_time", title: "\(title): training loss by wall-clock time",
                                    xLabel: "training seconds (mean over seeds)", yLabel: "loss over the training set (log scale)",
                                    logY: true, x: { $0.seconds }) { $0.loss })
        }
        let hasAccuracy = result.runs.contains { $0.history.records.contains { $0.accuracy != nil } }
        if plots.contains("accuracy") && hasAccuracy {
            charts.append(accuracyChart(result))
        }
        if plots.contains("lr") {
            charts.append(bandChart(result, name: "lr", title: "\(title): learning rate by epoch",
                                    xLabel: "epoch", yLabel: "learning rate", logY: false) { $0.epoch == 0 ? nil : $0.learningRate })
        }
        if plots.contains("grad_norm") {
            charts.append(gradientNormChart(result))
        }
        if plots.contains("decision_boundary") && result.runs.contains(where: { $0.decisionGrid != nil }) {
            charts.append(decisionBoundaryChart(result))
        }
        if plots.contains("confusion") && result.runs.contains(where: { $0.test?.confusion != nil }) {
            charts.append(confusionChart(result))
        }
        return charts
    }

    /// Mean line and min–max band per run.
    static func bandChart(_ result: ExperimentResult, name: String, title: String, xLabel: String, yLabel: String,
                          logY: Bool, x: @escaping (EpochRecord) -> Double = { Double($0.epoch) },
                          value: @escaping (EpochRecord) -> Double?) -> Chart {
        let labels = result.labels
        var blocks: [[String]] = []
        var plotted: [(label: String, curve: Int)] = []
        for (curve, label) in labels.enumerated() {
            let results = result.results(for: label)
            let band = SeedBand.over(results, value: { record in
                value(record).flatMap { logY && $0 <= 0 ? nil : $0 }
            }, x: x)
            guard !band.x.isEmpty else { continue }
            blocks.append(["# \(label.replacingNewlines): \(xLabel), mean, min, max over seeds"]
                + band.x.indices.map { "\(band.x[$0]) \(band.mean[$0]) \(band.lower[$0]) \(band.upper[$0])" })
            // A diverged run says so in the legend; its curve may be a single point.
            let diverged = results.filter(\.history.diverged).count
            plotted.append((diverged == 0 ? label : "\(label) (diverged: \(diverged)/\(results.count))", curve))
        }
        var script = Gnuplot.header(output: "\(name).png", curves: labels.count)
        script += ["set title \(Gnuplot.quoted(title))", "set xlabel \(Gnuplot.quoted(xLabel))", "set ylabel \(Gnuplot.quoted(yLabel))"]
        if logY { script.append("set logscale y") }
        script.append(plotCommand(file: "\(name).dat", plotted: plotted))
        return Chart(name: name, dataFiles: [("\(name).dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }

    static func plotCommand(file: String, plotted: [(label: String, curve: Int)], extra: [String] = []) -> String {
        guard !plotted.isEmpty else {
            return "set label 1 'no finite values to plot (every run diverged?)' at graph 0.5, 0.5 center\nplot [0:1] [0:1] NaN notitle"
        }
        var parts: [String] = []
        for (index, entry) in plotted.enumerated() {
            let source = index == 0 ? Gnuplot.quoted(file) : "''"
            parts.append("\(source) index \(index) using 1:3:4 with filledcurves fc rgb '\(Gnuplot.color(entry.curve))' fs transparent solid 0.15 noborder notitle")
            parts.append("'' index \(index) using 1:2 with linespoints lt \(entry.curve + 1) pt 7 ps 0.6 pi 25 title \(Gnuplot.quoted(entry.label))")
        }
        return "plot " + (parts + extra).joined(separator: ", \\\n     ")
    }

    static func accuracyChart(_ result: ExperimentResult) -> Chart {
        let labels = result.labels
        var blocks: [[String]] = []
        var parts: [String] = []
        for (curve, label) in labels.enumerated() {
            let results = result.results(for: label)
            for (suffix, value, dash) in [("", { (r: EpochRecord) in r.accuracy }, "lt \(curve + 1)"),
                                          (" (validation)", { (r: EpochRecord) in r.validationAccuracy }, "lc rgb '\(Gnuplot.color(curve))' lw 1.5 dt 2")] {
                let band = SeedBand.over(results, value: value)
                guard !band.x.isEmpty else { continue }
                blocks.append(["# \(label.replacingNewlines)\(suffix): epoch, mean, min, max"]
                    + band.x.indices.map { "\(band.x[$0]) \(band.mean[$0]) \(band.lower[$0]) \(band.upper[$0])" })
                let index = blocks.count - 1
                let source = index == 0 ? Gnuplot.quoted("accuracy.dat") : "''"
                parts.append("\(source) index \(index) using 1:3:4 with filledcurves fc rgb '\(Gnuplot.color(curve))' fs transparent solid 0.12 noborder notitle")
                parts.append("'' index \(index) using 1:2 with lines \(dash) title \(Gnuplot.quoted(label + suffix))")
            }
        }
        var script = Gnuplot.header(output: "accuracy.png", curves: labels.count)
        script += ["set title \(Gnuplot.quoted("\(result.plan.name): accuracy by epoch"))", "set xlabel 'epoch'",
                   "set ylabel 'accuracy (fraction correct)'", "set yrange [0:1.02]", "set format y '%.1f'"]
        script.append(parts.isEmpty ? "plot [0:1] NaN notitle" : "plot " + parts.joined(separator: ", \\\n     "))
        return Chart(name: "accuracy", dataFiles: [("accuracy.dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }

    /// One panel per run, one line per layer with parameters: the mean gradient
    /// norm of each layer by epoch (first seed), on a log scale, so vanishing
    /// gradients show as lower layers sinking below the top ones.
    static func gradientNormChart(_ result: ExperimentResult) -> Chart {
        let labels = result.labels
        let columns = min(3, max(labels.count, 1))
        let rows = (labels.count + columns - 1) / columns
        let layerCount = result.runs.map { $0.history.layerNames.count }.max() ?? 1
        var blocks: [[String]] = []
        let keyRows = (layerCount + 2) / 3
        var script = Gnuplot.header(output: "grad_norm.png", width: 500 * columns + 40, height: (380 + 22 * keyRows) * rows + 60, curves: layerCount)
        script += ["set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted("\(result.plan.name): gradient norm per layer (first seed, log scale)"))",
                   "set logscale y", "set format y '%.0e'", "set xlabel 'epoch'", "set ylabel 'mean gradient norm'",
                   "set key below horizontal maxcols 3 box lc rgb '#bbbbbb'"]
        for label in labels {
            guard let run = result.results(for: label).first else { continue }
            script.append("set title \(Gnuplot.quoted(label))")
            var parts: [String] = []
            for (layer, name) in run.history.layerNames.enumerated() {
                let points = run.history.records.compactMap { record -> String? in
                    guard record.layerGradientNorms.indices.contains(layer), record.layerGradientNorms[layer] > 0 else { return nil }
                    return "\(record.epoch) \(record.layerGradientNorms[layer])"
                }
                guard !points.isEmpty else { continue }
                blocks.append(["# \(label.replacingNewlines) \(name): epoch, norm"] + points)
                parts.append("'grad_norm.dat' index \(blocks.count - 1) using 1:2 with lines lt \(layer + 1) title \(Gnuplot.quoted(name))")
            }
            script.append(parts.isEmpty ? "plot [0:1] [0.1:1] NaN title 'no gradients recorded'" : "plot " + parts.joined(separator: ", \\\n     "))
        }
        script.append("unset multiplot")
        return Chart(name: "grad_norm", dataFiles: [("grad_norm.dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }

    static let regionColors = ["#c6dbef", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1", "#d9d9d9", "#f2f0c0", "#c9e6e8", "#f4cae4", "#e5d8bd"]
    static let pointColors = ["#08519c", "#a63603", "#006d2c", "#54278f", "#a50f15", "#252525", "#8c6d00", "#01665e", "#ae017e", "#7f5a1b"]

    /// One panel per run: the predicted class over the plane, with the training points.
    static func decisionBoundaryChart(_ result: ExperimentResult) -> Chart {
        let labels = result.labels
        let columns = min(3, max(labels.count, 1))
        let rows = (labels.count + columns - 1) / columns
        let classes = max(result.classNames?.count ?? 2, 2)
        var files: [(String, String)] = []
        let points = result.points.map { point -> String in
            let color = Int(pointColors[point.label % pointColors.count].dropFirst(), radix: 16) ?? 0
            return "\(point.x) \(point.y) \(color)"
        }
        files.append(("points.dat", "# x y colour of the training points\n" + points.joined(separator: "\n") + "\n"))
        var script = Gnuplot.header(output: "decision_boundary.png", width: 420 * columns + 40, height: 400 * rows + 60, curves: 1)
        let palette = (0..<classes).map { "\($0) '\(regionColors[$0 % regionColors.count])'" }.joined(separator: ", ")
        script += ["set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted("\(result.plan.name): decision boundary after training (first seed)"))",
                   "set palette maxcolors \(classes)", "set palette defined (\(palette))",
                   "set cbrange [-0.5:\(Double(classes) - 0.5)]", "unset colorbox", "unset key", "set size ratio -1",
                   "set xlabel \(Gnuplot.quoted(result.featureNames.first ?? "x1"))",
                   "set ylabel \(Gnuplot.quoted(result.featureNames.dropFirst().first ?? "x2"))"]
        for (index, label) in labels.enumerated() {
            guard let grid = result.results(for: label).first?.decisionGrid else { continue }
            var lines: [String] = ["# x y predicted class on a \(grid.resolution)x\(grid.resolution) grid"]
            for row in 0..<grid.resolution {
                for column in 0..<grid.resolution {
                    let x = grid.xRange.lowerBound + (grid.xRange.upperBound - grid.xRange.lowerBound) * Double(column) / Double(grid.resolution - 1)
                    let y = grid.yRange.lowerBound + (grid.yRange.upperBound - grid.yRange.lowerBound) * Double(row) / Double(grid.resolution - 1)
                    lines.append("\(x) \(y) \(grid.classes[row * grid.resolution + column])")
                }
                lines.append("")
            }
            let file = "boundary_\(index + 1).dat"
            files.append((file, lines.joined(separator: "\n") + "\n"))
            let accuracy = result.results(for: label).first?.history.last?.accuracy.map { " — accuracy \(formatNumber($0))" } ?? ""
            script.append("set title \(Gnuplot.quoted(label + accuracy))")
            script.append("set xrange [\(grid.xRange.lowerBound):\(grid.xRange.upperBound)]")
            script.append("set yrange [\(grid.yRange.lowerBound):\(grid.yRange.upperBound)]")
            script.append("plot \(Gnuplot.quoted(file)) using 1:2:3 with image, 'points.dat' using 1:2:3 with points pt 7 ps 0.6 lc rgb variable")
        }
        script.append("unset multiplot")
        return Chart(name: "decision_boundary", dataFiles: files, script: script.joined(separator: "\n") + "\n")
    }

    /// Test-set confusion matrix of each run's first seed as a heat map.
    static func confusionChart(_ result: ExperimentResult) -> Chart {
        let labels = result.labels.filter { result.results(for: $0).first?.test?.confusion != nil }
        let columns = min(2, max(labels.count, 1))
        let rows = (labels.count + columns - 1) / columns
        let names = result.classNames ?? []
        var blocks: [[String]] = []
        var script = Gnuplot.header(output: "confusion.png", width: 620 * columns + 40, height: 560 * rows + 60, curves: 1)
        let tics = names.enumerated().map { "\(Gnuplot.quoted($0.element)) \($0.offset)" }.joined(separator: ", ")
        script += ["set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted("\(result.plan.name): test-set confusion matrix (first seed)"))",
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
        return Chart(name: "confusion", dataFiles: [("confusion.dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }
}

extension String {
    /// For comments in data files: a label never breaks the line structure.
    var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
