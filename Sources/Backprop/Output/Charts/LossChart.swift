/// The training loss after each epoch, one curve per run (mean and min–max over seeds).
public struct LossChart: Chart {
    public static let name = "loss"
    public static let summary = "training loss by epoch, log scale"
    public init(settings: Settings) {}

    public func draw(_ result: ExperimentResult) -> ChartFiles? {
        BandChart.draw(result, name: Self.name, title: "\(result.plan.name): training loss by epoch",
                       xLabel: "epoch", yLabel: "loss over the training set (log scale)", logY: true) { $0.loss }
    }
}
