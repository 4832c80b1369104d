/// The mean of each epoch's mini-batch losses; not drawn unless asked for.
public struct BatchLossChart: Chart {
    public static let name = "batch_loss"
    public static let summary = "mean mini-batch loss by epoch, log scale"
    public init(settings: Settings) {}

    public var drawnByDefault: Bool { false }

    public func draw(_ result: ExperimentResult) -> ChartFiles? {
        BandChart.draw(result, name: Self.name, title: "\(result.plan.name): mean mini-batch loss by epoch",
                       xLabel: "epoch", yLabel: "mean batch loss (log scale)", logY: true, series: [.training { $0.batchLoss }])
    }
}
