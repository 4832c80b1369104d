/// The learning rate used in each epoch.
public struct LearningRateChart: Chart {
    public static let name = "lr"
    public static let summary = "learning rate by epoch (the schedule)"
    public init(settings: Settings) {}

    public func draw(_ result: ExperimentResult) -> ChartFiles? {
        BandChart.draw(result, name: Self.name, title: "\(result.plan.name): learning rate by epoch",
                       xLabel: "epoch", yLabel: "learning rate", logY: false) { $0.epoch == 0 ? nil : $0.learningRate }
    }
}
