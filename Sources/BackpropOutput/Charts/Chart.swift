import BackpropAnalysis

/// A chart an experiment file can ask for in `plots:`, drawn from an
/// experiment's results as gnuplot data and a script.
///
/// A new chart is one file with a type conforming to this protocol, plus one
/// line in `ChartRegistry.swift`. Charts are drawn in registration order.
public protocol Chart: Component {
    /// The chart's files, or nil when the results hold nothing for it.
    func draw(_ result: ExperimentResult) -> ChartFiles?
    /// Why this data can never give this chart (no classes for an accuracy
    /// chart, no test set for a confusion matrix), or nil when it can: said
    /// by `validate` and as a warning when `plots:` asks for the chart.
    func unavailableReason(for data: DataShape) -> String?
    /// Whether it is drawn when the file leaves `plots:` out.
    var drawnByDefault: Bool { get }
    /// Whether it shows anything worth a default chart in these results (a
    /// learning-rate chart of a constant rate does not); asked for by name, it
    /// is drawn anyway.
    func isInformative(for result: ExperimentResult) -> Bool
    /// Whether it needs each run's predicted class over the input plane
    /// (`RunResult.decisionGrid`), which the runner computes only when asked.
    var needsDecisionGrid: Bool { get }
}

extension Chart {
    public func unavailableReason(for data: DataShape) -> String? { nil }
    public var drawnByDefault: Bool { true }
    public func isInformative(for result: ExperimentResult) -> Bool { true }
    public var needsDecisionGrid: Bool { false }
}

/// The charts of an experiment.
package enum Charts {
    /// The charts `plan` asks for (every default one when it leaves `plots:`
    /// out), in registration order. The loader made them from the file, with
    /// its other components: they are only sorted here.
    package static func requested(by plan: ExperimentPlan) throws -> [any Chart] {
        let order = plan.catalog.plots.namesInRegistrationOrder
        guard let requests = plan.plots else {
            return order.compactMap { try? plan.catalog.make(\.charts, $0) }.filter(\.drawnByDefault)
        }
        var chosen: [String: any Chart] = [:]
        for request in requests {
            // Only `Catalog.register(chart:)` adds plots, so every one is a Chart.
            guard let chart = request.chart as? any Chart else { throw ComponentError("plot '\(request.name)' is not a chart") }
            chosen[request.name] = chart
        }
        return order.compactMap { chosen[$0] }
    }

    /// The charts `plan` names in `plots:` that this data cannot give, each
    /// with its reason ("plot 'confusion' cannot be drawn: ..."). Default
    /// charts that do not apply are left out silently.
    package static func unavailable(for plan: ExperimentPlan, data: DataShape) throws -> [String] {
        guard plan.plots != nil else { return [] }
        return try requested(by: plan).compactMap { chart in
            chart.unavailableReason(for: data).map { "plot '\(type(of: chart).name)' cannot be drawn: \($0)" }
        }
    }

    /// The requested charts that have something to show, and a warning for
    /// each requested one that has not.
    package static func draw(_ result: ExperimentResult) throws -> (charts: [ChartFiles], notDrawn: [String]) {
        let explicit = result.plan.plots != nil
        var charts: [ChartFiles] = []
        var notDrawn = try unavailable(for: result.plan, data: result.dataShape)
        for chart in try requested(by: result.plan) where chart.unavailableReason(for: result.dataShape) == nil {
            guard explicit || chart.isInformative(for: result) else { continue }
            if let files = chart.draw(result) {
                if let problem = files.problem(takenNames: Set(charts.flatMap(\.fileNames))) {
                    notDrawn.append("plot '\(type(of: chart).name)' not drawn: \(problem)")
                    continue
                }
                charts.append(files)
            } else if explicit {
                notDrawn.append("plot '\(type(of: chart).name)' not drawn: the results hold nothing for it")
            }
        }
        return (charts, notDrawn)
    }
}
