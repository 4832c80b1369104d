import BackpropAnalysis

package struct DecisionBoundaryChart: Chart {
    package static let name = "decision_boundary"
    package static let summary = "predicted class over the input plane with the training points (2-D classification)"
    package init(settings: Settings) {}

    package var needsDecisionGrid: Bool { true }

    package func unavailableReason(for data: DataShape) -> String? {
        if data.classes == nil { return "a decision boundary needs class labels; this dataset is a regression problem" }
        if data.features != 2 { return "a decision boundary is drawn over 2 input features; this dataset has \(data.features)" }
        return nil
    }

    static let regionColors = ["#c6dbef", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1", "#d9d9d9", "#f2f0c0", "#c9e6e8", "#f4cae4", "#e5d8bd"]
    static let pointColors = ["#08519c", "#a63603", "#006d2c", "#54278f", "#a50f15", "#252525", "#8c6d00", "#01665e", "#ae017e", "#7f5a1b"]

    /// One panel per run: the predicted class over the plane, with the training points.
    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        guard result.runs.contains(where: { $0.decisionGrid != nil }) else { return nil }
        let panels = Panels(result.labels, columns: 3)
        let (labels, columns, rows) = (panels.labels, panels.columns, panels.rows)
        let classes = max(result.classNames?.count ?? 2, 2)
        var files: [(String, String)] = []
        let points = result.points.map { point -> String in
            let color = Int(Self.pointColors[point.label % Self.pointColors.count].dropFirst(), radix: 16) ?? 0
            return "\(point.x) \(point.y) \(color)"
        }
        files.append(("points.dat", "# x y colour of the training points\n" + points.joined(separator: "\n") + "\n"))
        var script = Gnuplot.header(output: "decision_boundary.png", width: 420 * columns + 40, height: 400 * rows + 60, curves: 1)
        let palette = (0..<classes).map { "\($0) '\(Self.regionColors[$0 % Self.regionColors.count])'" }.joined(separator: ", ")
        script += ["set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted("\(result.plan.name): decision boundary after training (first seed)" + panels.note))",
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
        return ChartFiles(name: Self.name, dataFiles: files, script: script.joined(separator: "\n") + "\n")
    }

}
