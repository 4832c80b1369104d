import BackpropAnalysis

package struct GradientNormChart: Chart {
    package static let name = "grad_norm"
    package static let summary = "gradient norm per layer by epoch, one panel per run"
    package init(settings: Settings) {}

    /// One panel per run, one line per layer with parameters: the mean gradient
    /// norm of each layer by epoch (first seed), on a log scale, so vanishing
    /// gradients show as lower layers sinking below the top ones.
    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        let panels = Panels(result.labels, columns: 3)
        let (labels, columns, rows) = (panels.labels, panels.columns, panels.rows)
        let layerCount = result.runs.map { $0.history.layerNames.count }.max() ?? 1
        var blocks: [[String]] = []
        let keyRows = (layerCount + 1) / 2
        var script = Gnuplot.header(output: "grad_norm.png", width: 500 * columns + 40, height: (380 + 22 * keyRows) * rows + 60, curves: layerCount)
        script += ["set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted("\(result.plan.name): gradient norm per layer (first seed, log scale)" + panels.note))",
                   "set logscale y", "set format y '%.0e'", "set xlabel 'epoch'", "set ylabel 'mean gradient norm'",
                   // A fixed bottom margin for the legend: gnuplot's own puts a tall legend over the
                   // x label, and panels with fewer layers would be taller than the rest.
                   "set key below horizontal maxcols 2 box lc rgb '#bbbbbb' spacing 1.1",
                   "set bmargin \(Int(Double(keyRows) * 1.1 + 4.5))"]
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
        return ChartFiles(name: Self.name, dataFiles: [("grad_norm.dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }

}
