/// Training accuracy (solid) and validation accuracy (dashed) by epoch, for classification.
public struct AccuracyChart: Chart {
    public static let name = "accuracy"
    public static let summary = "training (and validation) accuracy by epoch"
    public init(settings: Settings) {}

    public func draw(_ result: ExperimentResult) -> ChartFiles? {
        guard result.runs.contains(where: { $0.history.records.contains { $0.accuracy != nil } }) else { return nil }
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
        return ChartFiles(name: Self.name, dataFiles: [("accuracy.dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }

}
