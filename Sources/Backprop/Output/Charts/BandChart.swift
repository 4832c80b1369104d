/// The line charts of a metric by epoch (or by seconds): every curve is a
/// run, its line the mean over seeds, and a translucent band spans the
/// smallest to the largest seed at each point.
enum BandChart {
    /// Mean line and min–max band per run.
    static func draw(_ result: ExperimentResult, name: String, title: String, xLabel: String, yLabel: String,
                          logY: Bool, x: @escaping (EpochRecord) -> Double = { Double($0.epoch) },
                          value: @escaping (EpochRecord) -> Double?) -> ChartFiles {
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
        return ChartFiles(name: name, dataFiles: [("\(name).dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
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
}

extension String {
    /// For comments in data files: a label never breaks the line structure.
    var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
