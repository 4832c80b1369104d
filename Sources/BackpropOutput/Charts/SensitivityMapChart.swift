import BackpropAnalysis

/// Two swept numbers at once: per contender, a heat map of the mean final
/// held-out score over the first two numeric axes of the sweep (best over
/// any others), each cell labelled with its score. Shows where the good
/// region is and whether it moves between optimizers (learning rate against
/// batch size, against momentum).
package struct SensitivityMapChart: Chart {
    package static let name = "sensitivity_map"
    package static let summary = "heat map of the held-out score over two swept numbers, a panel per contender (sweeps of two numeric keys)"
    package init(settings: Settings) {}

    package func isInformative(for result: ExperimentResult) -> Bool {
        (SweepScores(result)?.numericAxes.count ?? 0) >= 2
    }

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        guard let scores = SweepScores(result), scores.numericAxes.count >= 2 else { return nil }
        let (xAxis, yAxis) = (scores.numericAxes[0], scores.numericAxes[1])
        func value(_ entry: SweepScores.Entry, _ axis: String) -> Double? { entry.run.sweepValues.first { $0.axis == axis }?.number }
        let xs = Array(Set(scores.entries.compactMap { value($0, xAxis) })).sorted()
        let ys = Array(Set(scores.entries.compactMap { value($0, yAxis) })).sorted()
        // Tics as the file writes the values (0.001, not 0.00100).
        var written: [String: [Double: String]] = [:]
        for entry in scores.entries {
            for value in entry.run.sweepValues { if let number = value.number { written[value.axis, default: [:]][number] = value.value } }
        }
        func tics(_ values: [Double], _ axis: String) -> String {
            "(" + values.enumerated().map { "\(Gnuplot.quoted(written[axis]?[$1] ?? "\($1)")) \($0)" }.joined(separator: ", ") + ")"
        }
        let panels = Panels(scores.contenders, columns: 3)
        var files: [(String, String)] = []
        var script = Gnuplot.header(output: "\(Self.name).png", width: 520 * panels.columns + 40, height: 440 * panels.rows + 80, curves: 0)
        let all = scores.entries.compactMap(\.finalMean)
        script += ["set multiplot layout \(panels.rows),\(panels.columns) title \(Gnuplot.quoted("\(result.plan.name): mean final \(scores.metric) (\(scores.higherIsBetter ? "higher" : "lower") is better; blank: every seed diverged)" + panels.note))",
                   "set palette defined (0 '#f7fbff', 1 '#6baed6', 2 '#08306b')" + (scores.higherIsBetter ? "" : "; set palette negative"),
                   "set cbrange [\(all.min() ?? 0):\(max(all.max() ?? 1, (all.min() ?? 0) + 1e-9))]",
                   "set xlabel \(Gnuplot.quoted(xAxis))", "set ylabel \(Gnuplot.quoted(yAxis))", "unset key",
                   "set xrange [-0.5:\(Double(xs.count) - 0.5)]", "set yrange [-0.5:\(Double(ys.count) - 0.5)]",
                   "set xtics " + tics(xs, xAxis), "set ytics " + tics(ys, yAxis)]
        for (index, contender) in panels.labels.enumerated() {
            // Best over the other axes at each cell.
            var cells: [[Double?]] = Array(repeating: Array(repeating: nil, count: xs.count), count: ys.count)
            for entry in scores.entries where entry.run.contender == contender {
                guard let x = value(entry, xAxis).flatMap(xs.firstIndex), let y = value(entry, yAxis).flatMap(ys.firstIndex) else { continue }
                if scores.isBetter(entry.finalMean, than: cells[y][x]) { cells[y][x] = entry.finalMean }
            }
            var lines = ["# \(contender.replacingNewlines): \(xAxis) index, \(yAxis) index, mean final \(scores.metric)"]
            for (y, row) in cells.enumerated() {
                for (x, cell) in row.enumerated() { lines.append("\(x) \(y) \(cell.map { "\($0)" } ?? "NaN")") }
                lines.append("")
            }
            let file = "sensitivity_map_\(index + 1).dat"
            files.append((file, lines.joined(separator: "\n") + "\n"))
            script.append("set title \(Gnuplot.quoted(contender))")
            script.append("plot \(Gnuplot.quoted(file)) using 1:2:3 with image, '' using 1:2:(stringcolumn(3) eq 'NaN' ? '' : sprintf('%.3g', $3)) with labels font ',9'")
        }
        script.append("unset multiplot")
        return ChartFiles(name: Self.name, dataFiles: files, script: script.joined(separator: "\n") + "\n")
    }
}
