import BackpropAnalysis

/// Regression's diagnostic: the verdict winner's test predictions against
/// the actual targets (the first target column, the first
/// `TestMetrics.storedPredictionRows` rows), with the diagonal of a perfect
/// fit. Points above it are over-predicted; a cloud flatter than the
/// diagonal is a model that shrinks towards the mean.
package struct PredictedVsActualChart: Chart {
    package static let name = "predicted_vs_actual"
    package static let summary = "the verdict winner's test predictions against the actual targets, with the diagonal (regression)"
    package init(settings: Settings) {}

    package func unavailableReason(for data: DataShape) -> String? {
        if data.classes != nil { return "predicted against actual is for regression; this dataset has classes (see the confusion matrix)" }
        if data.testSamples == 0 { return "predictions are measured on a test set; hold one out with dataset: {split: {test: 0.2}}" }
        return nil
    }

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        guard let targets = result.testTargets, let verdict = Verdict(result), let (run, why) = verdict.diagnosedRun(in: result),
              let predictions = run.test?.predictions, predictions.count == targets.count, !targets.isEmpty else { return nil }
        let columns = max(result.targetColumns, 1)
        let rows = targets.count / columns
        let pairs = (0..<rows).map { (actual: targets[$0 * columns], predicted: predictions[$0 * columns]) }
        let values = pairs.flatMap { [$0.actual, $0.predicted] }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return nil }
        let margin = max((high - low) * 0.05, 1e-9)
        let shown = rows < result.testSamples ? " (first \(rows) of \(result.testSamples) test rows)" : ""
        let column = columns > 1 ? ", first target column" : ""
        var script = Gnuplot.header(output: "\(Self.name).png", width: 800, height: 760, curves: 1)
        let title = "\(result.plan.name): \(run.label), seed \(run.seed) — test predictions\(shown)\(column)"
        let scores = run.test?.regression.map { "RMSE \(formatSignificant($0.rmse, digits: 3)), R² \(formatSignificant($0.r2, digits: 3)). " } ?? ""
        script += ["set title \(Gnuplot.quoted(title))", "set tmargin 5",
                   "set label \(Gnuplot.quoted(scores + why)) at screen 0.5, screen 0.905 center font ',9'",
                   "set size ratio -1", "set key inside top left box opaque",
                   "set xlabel 'actual'", "set ylabel 'predicted'",
                   "set xrange [\(low - margin):\(high + margin)]", "set yrange [\(low - margin):\(high + margin)]",
                   "plot x with lines lc rgb '#888888' dt 2 lw 1.5 title 'perfect fit', \\\n     '\(Self.name).dat' using 1:2 with points pt 7 ps 0.7 lc rgb '\(Gnuplot.color(0))' title 'test rows'"]
        let data = "# actual predicted\n" + pairs.map { "\($0.actual) \($0.predicted)" }.joined(separator: "\n") + "\n"
        return ChartFiles(name: Self.name, dataFiles: [("\(Self.name).dat", data)], script: script.joined(separator: "\n") + "\n")
    }
}
