import BackpropAnalysis

/// The mean of each epoch's mini-batch losses; not drawn unless asked for.
package struct BatchLossChart: Chart {
    package static let name = "batch_loss"
    package static let summary = "mean mini-batch loss by epoch, log scale"
    package init(settings: Settings) {}

    package var drawnByDefault: Bool { false }

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        BandChart.draw(result, name: Self.name, title: "\(result.plan.name): mean mini-batch loss by epoch",
                       xLabel: "epoch", yLabel: "mean batch loss (log scale)", logY: true, series: [.training { $0.batchLoss }])
    }
}
