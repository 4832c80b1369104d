import BackpropTraining

/// A suite problem's validation target, `target: {val_accuracy: 0.95}`: the
/// time to reach it is the problem's speed score (DeepOBS) and what the
/// performance profiles compare (AlgoPerf).
package struct ProblemTarget: Sendable, Equatable {
    package var metric: Metric
    package var value: Double

    package var description: String { "\(metric.rawValue) \(metric.higherIsBetter ? ">=" : "<=") \(value)" }

    /// The first record (epoch 0 is the starting weights) whose metric meets
    /// the target, or nil when no epoch does.
    package func firstReached(in history: TrainingHistory) -> EpochRecord? {
        history.records.first { record in
            guard let value = metric.value(of: record), value.isFinite else { return false }
            return metric.higherIsBetter ? value >= self.value : value <= self.value
        }
    }

    static func parse(_ value: ConfigValue) throws -> ProblemTarget {
        let entries = try value.entries()
        guard entries.count == 1, let (name, nameValue, number) = entries.first else {
            throw value.error("target names one validation metric and its value, e.g. {val_accuracy: 0.95}; metrics: \(Metric.suiteTargets.map(\.rawValue).joined(separator: ", "))")
        }
        let metric = try Metric.named(name, at: nameValue, among: Metric.suiteTargets, for: "target metric")
        let target = try number.double()
        guard target.isFinite else { throw number.error("target \(name) must be a finite number, found \(number.text)") }
        if metric == .validationAccuracy && !(0...1).contains(target) {
            throw number.error("target val_accuracy is a share from 0 to 1, found \(number.text)")
        }
        if metric != .validationAccuracy && target < 0 {
            throw number.error("target \(name) must be >= 0, found \(number.text)")
        }
        return ProblemTarget(metric: metric, value: target)
    }
}
