import BackpropAnalysis

/// How the held-out score depends on each swept number (the learning rate,
/// the batch size, ...): a line per contender through the mean over seeds of
/// its final score, a band from the worst to the best seed, and a dashed line
/// for the best epoch's score. Where other axes vary too, each point is the
/// contender's best setting of them. A log axis when the values span two
/// decades or more; past 8 contenders, a panel each (small multiples).
package struct SensitivityChart: Chart {
    package static let name = "sensitivity"
    package static let summary = "held-out score (final and best) against each swept number, a line per contender with a band over seeds (sweeps)"
    package init(settings: Settings) {}

    static let contendersPerPanel = 8

    package func isInformative(for result: ExperimentResult) -> Bool {
        SweepScores(result)?.numericAxes.isEmpty == false
    }

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        guard let scores = SweepScores(result), !scores.numericAxes.isEmpty else { return nil }
        let contenders = scores.contenders
        let groups = contenders.count <= Self.contendersPerPanel ? [contenders] : contenders.map { [$0] }
        let panelList = scores.numericAxes.flatMap { axis in groups.map { (axis: axis, contenders: $0) } }
        let panels = Panels(panelList.map { $0.contenders.count == 1 && groups.count > 1 ? "\($0.axis): \($0.contenders[0])" : $0.axis },
                            columns: groups.count == 1 ? min(scores.numericAxes.count, 2) : 3)
        var blocks: [[String]] = []
        let width = groups.count == 1 ? 900 : 520, height = groups.count == 1 ? 520 : 360
        var script = Gnuplot.header(output: "\(Self.name).png", width: width * panels.columns + 40, height: height * panels.rows + 80, curves: 0)
        let title = "\(result.plan.name): \(scores.metric) by swept setting"
        script += ["set multiplot layout \(panels.rows),\(panels.columns) title \(Gnuplot.quoted(title + panels.note))",
                   "set ylabel \(Gnuplot.quoted(scores.metric))", "set key outside right top"]
        let severalSeeds = result.plan.seeds.count > 1
        for (panel, title) in zip(panelList, panels.labels) {
            var parts: [String] = []
            // A setting with no finite score (it diverged on every seed) is an ✕ at the top, not a gap.
            var diverged: [String] = []
            let xs = scores.entries.compactMap { $0.run.sweepValues.first { $0.axis == panel.axis }?.number }
            let logX = (xs.min() ?? 0) > 0 && (xs.max() ?? 0) / (xs.min() ?? 1) >= 100
            for contender in panel.contenders {
                let curve = contenders.firstIndex(of: contender) ?? 0
                let color = Gnuplot.color(curve)
                let points = scores.profile(contender, along: panel.axis).compactMap { point -> String? in
                    let values = point.entry.final.compactMap { $0 }
                    guard let mean = point.entry.finalMean, let low = values.min(), let high = values.max() else {
                        diverged.append("set label \(diverged.count + 1) '✕' at first \(point.x), graph 0.97 center tc rgb '\(color)' front")
                        return nil
                    }
                    return "\(point.x) \(mean) \(low) \(high) \(point.entry.bestMean ?? mean)"
                }
                guard !points.isEmpty else { continue }
                blocks.append(["# \(contender.replacingNewlines) along \(panel.axis): value, mean final, min, max over seeds, mean best"] + points)
                let index = blocks.count - 1
                parts.append("'sensitivity.dat' index \(index) using 1:3:4 with filledcurves fc rgb '\(color)' fs transparent solid 0.15 noborder notitle")
                parts.append("'' index \(index) using 1:2 with linespoints lc rgb '\(color)' lw 2 pt \(Gnuplot.pointType(curve)) ps 0.9 title \(Gnuplot.quoted(contender))")
                if scores.hasBest { parts.append("'' index \(index) using 1:5 with lines lc rgb '\(color)' lw 1.2 dt 2 notitle") }
            }
            if !parts.isEmpty {
                parts.append("NaN with lines lc rgb '#444444' lw 2 title '\(severalSeeds ? "final, mean (band: min-max over seeds)" : "final")'")
                if scores.hasBest { parts.append("NaN with lines lc rgb '#444444' lw 1.2 dt 2 title 'best epoch, mean'") }
            }
            if !diverged.isEmpty { parts.append("NaN with points lc rgb '#444444' pt -1 title '✕ at the top: diverged on every seed'") }
            script += ["unset label"] + diverged
            script += [panelList.count == 1 ? "unset title" : "set title \(Gnuplot.quoted(title))", "set xlabel \(Gnuplot.quoted(panel.axis + (logX ? " (log scale)" : "")))",
                       logX ? "set logscale x" : "unset logscale x", "set format x '%g'"]
            script.append(parts.isEmpty ? "plot [0:1] [0:1] NaN notitle" : "plot " + parts.joined(separator: ", \\\n     "))
        }
        script.append("unset multiplot")
        return ChartFiles(name: Self.name, dataFiles: [("\(Self.name).dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }
}
