import BackpropAnalysis

/// The training loss after each epoch (solid) and the validation loss
/// (dashed), one colour per run (mean and min–max over seeds).
package struct LossChart: Chart {
    package static let name = "loss"
    package static let summary = "training (and validation) loss by epoch, log scale"
    package init(settings: Settings) {}

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        BandChart.draw(result, name: Self.name, title: "\(result.plan.name): loss by epoch",
                       xLabel: "epoch", yLabel: "loss over the whole split (log scale)", logY: true,
                       series: [.training { $0.loss }, .validation { $0.validationLoss }])
    }
}
