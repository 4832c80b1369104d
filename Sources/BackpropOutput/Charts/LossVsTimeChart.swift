import BackpropAnalysis

/// The training loss against the seconds spent in training steps.
package struct LossVsTimeChart: Chart {
    package static let name = "loss_vs_time"
    package static let summary = "training loss by training seconds, log scale"
    package init(settings: Settings) {}

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        BandChart.draw(result, name: Self.name, title: "\(result.plan.name): training loss by wall-clock time",
                       xLabel: "training seconds (mean over seeds)", yLabel: "loss over the training set (log scale)",
                       logY: true, byEpoch: false, x: { $0.seconds }, series: [.training { $0.loss }])
    }
}
