import BackpropAnalysis

/// Training accuracy (solid) and validation accuracy (dashed) by epoch, for classification.
package struct AccuracyChart: Chart {
    package static let name = "accuracy"
    package static let summary = "training (and validation) accuracy by epoch (classification)"
    package init(settings: Settings) {}

    package func unavailableReason(for data: DataShape) -> String? {
        data.classes == nil ? "accuracy needs class labels; this dataset is a regression problem (the loss chart shows its error)" : nil
    }

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        guard result.runs.contains(where: { $0.history.records.contains { $0.accuracy != nil } }) else { return nil }
        return BandChart.draw(result, name: Self.name, title: "\(result.plan.name): accuracy by epoch",
                              xLabel: "epoch", yLabel: "accuracy (fraction correct)", logY: false, unitInterval: true,
                              settings: ["set yrange [0:1.02]", "set format y '%.1f'"],
                              series: [.training { $0.accuracy }, .validation { $0.validationAccuracy }])
    }
}
