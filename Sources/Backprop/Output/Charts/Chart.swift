/// A chart an experiment file can ask for in `plots:`, drawn from an
/// experiment's results as gnuplot data and a script.
///
/// A new chart is one file with a type conforming to this protocol, plus one
/// line in `ChartRegistry.swift`. Charts are drawn in registration order.
public protocol Chart: Component {
    /// The chart's files, or nil when the results have nothing for it (no
    /// accuracy for regression, no test set for a confusion matrix).
    func draw(_ result: ExperimentResult) -> ChartFiles?
    /// Whether it is drawn when the file leaves `plots:` out.
    var drawnByDefault: Bool { get }
    /// Whether it needs each run's predicted class over the input plane
    /// (`RunResult.decisionGrid`), which the runner computes only when asked.
    var needsDecisionGrid: Bool { get }
}

extension Chart {
    public var drawnByDefault: Bool { true }
    public var needsDecisionGrid: Bool { false }
}

/// The charts of an experiment.
public enum Charts {
    /// The charts `plan` asks for (every default one when it leaves `plots:`
    /// out), in registration order; an unknown name is an error at its place.
    public static func requested(by plan: ExperimentPlan) throws -> [any Chart] {
        let registry = Registries.charts
        guard let entries = plan.plots else {
            return registry.namesInRegistrationOrder.compactMap { try? registry.make($0) }.filter(\.drawnByDefault)
        }
        var chosen: [String: any Chart] = [:]
        for entry in entries {
            chosen[try entry.component(kind: registry.kind).name] = try registry.make(from: entry)
        }
        return registry.namesInRegistrationOrder.compactMap { chosen[$0] }
    }

    /// The requested charts that have something to show.
    public static func draw(_ result: ExperimentResult) throws -> [ChartFiles] {
        try requested(by: result.plan).compactMap { $0.draw(result) }
    }
}
