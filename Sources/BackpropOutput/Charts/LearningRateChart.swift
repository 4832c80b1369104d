import BackpropAnalysis

/// The learning rate used in each epoch. Drawn by default only when a rate
/// changes (a schedule); a constant rate is in the settings already.
package struct LearningRateChart: Chart {
    package static let name = "lr"
    package static let summary = "learning rate by epoch (the schedule); by default only when a rate changes"
    package init(settings: Settings) {}

    package func isInformative(for result: ExperimentResult) -> Bool {
        result.runs.contains { run in
            let rates = run.history.records.dropFirst().map(\.learningRate)
            return rates.contains { $0 != rates.first }
        }
    }

    package func draw(_ result: ExperimentResult) -> ChartFiles? {
        BandChart.draw(result, name: Self.name, title: "\(result.plan.name): learning rate by epoch",
                       xLabel: "epoch", yLabel: "learning rate", logY: false,
                       series: [.training { $0.epoch == 0 ? nil : $0.learningRate }])
    }
}
