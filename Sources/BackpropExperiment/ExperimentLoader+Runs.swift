import Foundation
import BackpropTraining

extension ExperimentLoader {
    static let trainKeys = ["epochs", "batch", "shuffle", "stop", "clip", "schedule", "optimizer", "record_steps", "restore_best"]

    /// The contenders: each entry of `runs:` (or a single run from `train:`),
    /// its keys over `train:`'s, repeated for every combination of the sweep
    /// space. Returns the runs and the sweep's key paths.
    static func parseRuns(train trainValue: ConfigValue?, runs runsValue: ConfigValue?, sweep: ConfigValue?,
                          document: ConfigValue, hasValidation: Bool) throws -> (runs: [RunPlan], sweepAxes: [String]) {
        let train = try trainValue.map { try $0.mapping(allowed: trainKeys, what: "train") } ?? [:]
        var entries: [(label: String, position: ConfigValue, overrides: [String: ConfigValue])] = []
        if let runsValue {
            for entry in try runsValue.sequence() {
                var overrides = try entry.mapping(allowed: ["label", "model"] + trainKeys, what: "a run")
                guard let labelValue = overrides.removeValue(forKey: "label") else {
                    throw entry.error("every run needs a 'label'")
                }
                let label = try labelValue.string()
                if label.trimmingCharacters(in: .whitespaces).isEmpty || labelValue.isNull {
                    throw labelValue.error("a run's label names its curve and cannot be empty")
                }
                if entries.contains(where: { $0.label == label }) {
                    throw labelValue.error("two runs are labelled '\(label)'; labels name the curves and must differ")
                }
                entries.append((label, labelValue, overrides))
            }
            if entries.isEmpty { throw runsValue.error("'runs' is empty: list at least one run, or leave 'runs' out") }
        } else {
            guard let optimizer = train["optimizer"] else {
                throw document.position.error("the experiment has no optimizer: set 'optimizer' under train: (or list runs: with one each)")
            }
            entries.append((try optimizer.component(kind: "optimizer").name, document.position, [:]))
        }
        let contenders = entries.map(\.label)
        let space = try sweep.map { try SweepSpace($0, contenders: contenders) } ?? SweepSpace()
        _ = try space.runCount(contenders: contenders)
        let documentModel = try document.mapping(allowed: topLevelKeys, what: "the experiment")["model"] ?? document.position
        var runs: [RunPlan] = []
        var labels = Set<String>()
        for entry in entries {
            for combination in space.combinations(for: entry.label) {
                var settings = train.merging(entry.overrides) { _, override in override }
                var label = entry.label
                for (axis, value) in combination {
                    settings = try space.override(settings, axis, with: value, run: entry.label, model: documentModel)
                    label += " \(axis.shortName)=\(value.flowText)"
                }
                if !labels.insert(label).inserted, let axis = combination.first?.axis ?? space.axes.first {
                    throw axis.key.error("the sweep makes two runs labelled '\(label)': give the values different names")
                }
                var run = try parseRun(label: label, settings: settings, at: entry.position, hasValidation: hasValidation)
                run.contender = entry.label
                run.sweepValues = combination.map { SweepValue(axis: $0.axis.name, value: $0.value.flowText) }
                run.identity = "{" + settings.map { "\($0.key):\($0.value.canonical)" }.sorted().joined(separator: ",") + "}"
                runs.append(run)
            }
        }
        return (runs, space.axisNames)
    }

    static func parseRun(label: String, settings: [String: ConfigValue], at position: ConfigValue, hasValidation: Bool) throws -> RunPlan {
        guard let optimizerValue = settings["optimizer"] else {
            throw position.error("run '\(label)' has no optimizer: set 'optimizer' under train: or in the run")
        }
        let epochs = try settings["epochs"].map { value -> Int in
            let epochs = try value.int()
            guard epochs >= 1 && epochs <= Settings.Check.largestCount else {
                throw value.error("epochs must be from 1 to \(Settings.Check.largestCount), found \(epochs)")
            }
            return epochs
        } ?? 100
        return RunPlan(
            label: label, contender: label, model: try settings["model"].map(parseModel), epochs: epochs,
            batch: try settings["batch"].map(parseBatch) ?? .samples(32),
            shuffle: try settings["shuffle"]?.bool() ?? true,
            stopping: try settings["stop"].map(parseStop) ?? StoppingCriteria(),
            clipping: try settings["clip"].map(parseClip),
            optimizer: try Registries.optimizers.make(from: optimizerValue),
            optimizerName: try optimizerValue.component(kind: "optimizer").name,
            schedule: try settings["schedule"].map { try Registries.schedules.make(from: $0) } ?? ConstantSchedule(),
            recordSteps: try settings["record_steps"]?.bool() ?? false,
            restoreBest: try settings["restore_best"].map { try parseRestoreBest($0, hasValidation: hasValidation) })
    }

    static func parseRestoreBest(_ value: ConfigValue, hasValidation: Bool) throws -> Metric {
        let choice = try Metric.named(try value.string(), at: value, among: Metric.restorable, for: "value for restore_best:")
        guard hasValidation else {
            throw value.error("restore_best picks an epoch by the validation set: add split: {validation: 0.2} (or a count) to the dataset")
        }
        return choice
    }

    static func parseBatch(_ value: ConfigValue) throws -> BatchSize {
        let text = try value.string()
        if text == "full" { return .full }
        guard let size = Int(text), size >= 1, size <= Settings.Check.largestCount else {
            throw value.error("batch is 'full', 1 (stochastic) or a number of samples >= 1, found '\(text)'")
        }
        return .samples(size)
    }

    static func parseStop(_ value: ConfigValue) throws -> StoppingCriteria {
        let keys = try value.mapping(allowed: ["loss_below", "min_delta", "patience", "max_seconds", "diverge_factor"], what: "stop")
        func positive(_ key: String) throws -> Double? {
            try keys[key].map { item in
                let number = try item.double()
                guard number > 0 else { throw item.error("stop '\(key)' must be > 0, found \(item.text)") }
                return number
            }
        }
        var stopping = StoppingCriteria()
        stopping.lossBelow = try positive("loss_below")
        stopping.minDelta = try positive("min_delta")
        stopping.maxSeconds = try positive("max_seconds")
        if let factor = try positive("diverge_factor") { stopping.divergenceFactor = factor }
        if let patience = keys["patience"] {
            let count = try patience.int()
            guard count >= 1 else { throw patience.error("stop 'patience' must be >= 1, found \(count)") }
            guard stopping.minDelta != nil else { throw patience.error("stop 'patience' goes with 'min_delta'") }
            stopping.patience = count
        }
        return stopping
    }

    static func parseClip(_ value: ConfigValue) throws -> GradientClipping {
        let keys = try value.mapping(allowed: ["norm", "value"], what: "clip")
        guard keys.count == 1, let (key, item) = keys.first else {
            throw value.error("clip takes one of 'norm' or 'value', e.g. clip: {norm: 5.0}")
        }
        let number = try item.double()
        guard number > 0 else { throw item.error("clip '\(key)' must be > 0, found \(item.text)") }
        return key == "norm" ? .norm(number) : .value(number)
    }
}
