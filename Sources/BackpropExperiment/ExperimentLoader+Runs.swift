import Foundation
import BackpropTraining

extension ExperimentLoader {
    static let trainKeys = ["epochs", "batch", "shuffle", "stop", "clip", "schedule", "optimizer", "record_steps", "restore_best"]

    /// The contenders: each entry of `runs:` (or a single run from `train:`),
    /// its keys over `train:`'s, repeated for every combination of the sweep
    /// space. Returns the runs and the sweep's key paths.
    func parseRuns(train trainValue: ConfigValue?, runs runsValue: ConfigValue?, sweep: ConfigValue?,
                          document: ConfigValue, hasValidation: Bool) throws -> (runs: [RunPlan], sweepAxes: [String]) {
        let train = try trainValue.map { try $0.mapping(allowed: Self.trainKeys, what: "train") } ?? [:]
        var entries: [(label: String, position: ConfigValue, overrides: [String: ConfigValue])] = []
        if let runsValue {
            for entry in try runsValue.sequence() {
                var overrides = try entry.mapping(allowed: ["label", "model"] + Self.trainKeys, what: "a run")
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
        let documentModel = try document.mapping(allowed: Self.topLevelKeys, what: "the experiment")["model"] ?? document.position
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

    func parseRun(label: String, settings: [String: ConfigValue], at position: ConfigValue, hasValidation: Bool) throws -> RunPlan {
        guard settings["optimizer"] != nil else {
            throw position.error("run '\(label)' has no optimizer: set 'optimizer' under train: or in the run")
        }
        // `train:`'s keys with the run's own and the sweep's values over them, each value where it is written.
        let written = position.replacing(.mapping(settings.sorted { $0.key < $1.key }.map { key, value in
            (ConfigValue(.scalar(key, plain: true)), value)
        }))
        let train = try TrainSection(written, catalog: catalog)
        return RunPlan(
            label: label, contender: label, model: try train.model.map(parseModel), epochs: train.epochs, batch: train.batch,
            shuffle: train.shuffle, stopping: train.stopping, clipping: train.clipping, optimizer: train.optimizer,
            optimizerName: train.optimizerName, schedule: train.schedule, recordSteps: train.recordSteps,
            restoreBest: try train.restoreBest.map { try Self.parseRestoreBest($0, hasValidation: hasValidation) })
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
}

/// A run's training keys: `train:`, with a run's own keys and the sweep's
/// values over them, read through `Settings` as every section is.
struct TrainSection {
    static let key = "train"
    var epochs: Int
    var batch: BatchSize
    var shuffle: Bool
    var stopping: StoppingCriteria
    var clipping: GradientClipping?
    var optimizer: any OptimizerRule
    var optimizerName: String
    var schedule: any LearningRateSchedule
    var recordSteps: Bool
    /// Read by the loader, which knows whether there is a validation split.
    var restoreBest: ConfigValue?
    /// A run's own model, which the loader reads as it reads `model:`.
    var model: ConfigValue?

    /// The keys written at `value`, components from `catalog`.
    init(_ value: ConfigValue, catalog: Catalog) throws {
        let settings = try Settings(component: Self.key, value: value, catalog: catalog)
        try self.init(settings: settings)
        try settings.finish()
    }

    init(settings: Settings) throws {
        epochs = try settings.int("epochs", default: 100, .count)
        batch = try settings.optionalValue("batch", "full, or a number of samples >= 1").map(ExperimentLoader.parseBatch) ?? .samples(32)
        shuffle = try settings.bool("shuffle", default: true)
        stopping = try settings.optionalValue("stop", "a stop: section").map { try StoppingCriteria($0) } ?? StoppingCriteria()
        clipping = try settings.optionalValue("clip", "a clip: section").map { try GradientClipping($0) }
        let optimizerValue = try settings.value("optimizer", "an optimizer")
        optimizer = try settings.isDescribing ? SGD(["lr": 0.1]) : settings.catalog.make(\.optimizers, from: optimizerValue)
        optimizerName = settings.isDescribing ? "sgd" : try optimizerValue.component(kind: "optimizer").name
        schedule = try settings.optionalValue("schedule", "a schedule").map { try settings.catalog.make(\.schedules, from: $0) } ?? ConstantSchedule()
        recordSteps = try settings.bool("record_steps", default: false)
        restoreBest = settings.optionalValue("restore_best", "one of " + Metric.restorable.map(\.rawValue).joined(separator: ", "))
        model = settings.optionalValue("model", "a list of layers (a run's own model)")
    }
}

/// `stop: {loss_below: 0.01, min_delta: 1e-4, patience: 5, max_seconds: 60, diverge_factor: 1000}`.
extension StoppingCriteria: FileSection {
    static let key = "stop"

    init(settings: Settings) throws {
        let defaults = StoppingCriteria()
        self.init(lossBelow: try settings.optionalDouble("loss_below", .positive),
                  minDelta: try settings.optionalDouble("min_delta", .positive),
                  patience: try settings.int("patience", default: defaults.patience, .atLeastOne),
                  maxSeconds: try settings.optionalDouble("max_seconds", .positive),
                  divergenceFactor: try settings.double("diverge_factor", default: defaults.divergenceFactor, .positive))
        try settings.finish()  // misspelt keys before the checks that span keys
        // Patience counts epochs without an improvement of min_delta: alone it means nothing.
        guard minDelta != nil || !settings.has("patience") else { throw settings.problem("patience", "stop 'patience' goes with 'min_delta'") }
    }
}

/// `clip: {norm: 5.0}` or `clip: {value: 1.0}`.
extension GradientClipping: FileSection {
    static let key = "clip"

    init(settings: Settings) throws {
        let norm = try settings.optionalDouble("norm", .positive)
        let value = try settings.optionalDouble("value", .positive)
        try settings.finish()  // misspelt keys before the checks that span keys
        if let norm, value == nil {
            self = .norm(norm)
        } else if let value, norm == nil {
            self = .value(value)
        } else if settings.isDescribing {
            self = .norm(1)
        } else {
            throw settings.problem("clip takes one of 'norm' or 'value', e.g. clip: {norm: 5.0}")
        }
    }
}
