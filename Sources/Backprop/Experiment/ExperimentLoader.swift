import Foundation
import Yams

/// Reads an experiment file into an `ExperimentPlan`, checking every key,
/// name and value; errors carry the file, line and column.
public enum ExperimentLoader {
    static let topLevelKeys = ["name", "description", "dtype", "seeds", "dataset", "model", "loss", "metrics",
                               "train", "runs", "sweep", "plots", "checkpoint", "fail_on_divergence"]
    static let trainKeys = ["epochs", "batch", "shuffle", "stop", "clip", "schedule", "optimizer", "record_steps"]
    public static let metricNames = ["loss", "accuracy", "batch_loss", "val_loss", "val_accuracy", "lr", "grad_norm", "seconds"]
    public static let plotNames = ["loss", "loss_vs_time", "accuracy", "lr", "grad_norm", "decision_boundary", "batch_loss", "confusion"]

    /// Loads and validates the file at `path` (the dataset is not loaded yet).
    public static func load(path: String) throws -> ExperimentPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError(file: path, message: "cannot read the experiment file (no such file or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExperimentError(file: path, message: "the experiment file is not UTF-8 text")
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path, baseDirectory: directory)
    }

    /// Parses experiment text; `file` names it in errors.
    public static func parse(_ text: String, file: String, baseDirectory: String = "") throws -> ExperimentPlan {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ExperimentError(file: file, message: "the experiment file is empty")
            }
            root = node
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        }
        let document = ConfigValue(node: root, file: file, path: "")
        let keys = try document.mapping(allowed: topLevelKeys, what: "the experiment")

        let nameValue = try require(keys, "name", document)
        let name = try nameValue.string()
        guard !name.isEmpty, name.count <= 100, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }),
              name != "." && name != ".." else {
            throw nameValue.error("name '\(name.prefix(40))' may use only a-z, 0-9, '-' and '_', at most 100 of them (it names the folder plots/<name>/)")
        }
        let description = try keys["description"]?.string() ?? ""
        let dtype = try keys["dtype"].map { value -> ExperimentPlan.DType in
            let text = try value.string()
            guard let dtype = ExperimentPlan.DType(rawValue: text) else {
                throw value.error("dtype must be float32 or float64, found '\(text)'")
            }
            return dtype
        } ?? .float32
        let seeds = try keys["seeds"].map(parseSeeds) ?? [1]
        let datasetValue = try require(keys, "dataset", document)
        let (dataset, split, scaling) = try parseDataset(datasetValue)
        let model = try parseModel(try require(keys, "model", document))
        let lossValue = try require(keys, "loss", document)
        let loss = try Registries.losses.make(from: lossValue)
        let lossName = try lossValue.component(kind: "loss").name
        let metrics = try keys["metrics"].map { try names($0, allowed: metricNames, what: "metric") } ?? metricNames
        let plots = try keys["plots"].map { try names($0, allowed: plotNames, what: "plot") }
            ?? ["loss", "loss_vs_time", "accuracy", "lr", "grad_norm", "decision_boundary", "confusion"]
        let checkpointEvery = try keys["checkpoint"].map { value -> Int in
            let settings = try value.mapping(allowed: ["every"], what: "checkpoint")
            guard let every = settings["every"] else { throw value.error("checkpoint needs 'every: N' (epochs)") }
            let count = try every.int()
            guard count >= 1 else { throw every.error("checkpoint 'every' must be >= 1, found \(count)") }
            return count
        }

        let train = try keys["train"].map { try $0.mapping(allowed: trainKeys, what: "train") } ?? [:]
        var runNodes: [(label: String, labelValue: ConfigValue?, overrides: [String: ConfigValue])] = []
        if let runsValue = keys["runs"] {
            for entry in try runsValue.sequence() {
                var overrides = try entry.mapping(allowed: ["label", "model"] + trainKeys, what: "a run")
                guard let labelValue = overrides.removeValue(forKey: "label") else {
                    throw entry.error("every run needs a 'label'")
                }
                let label = try labelValue.string()
                if runNodes.contains(where: { $0.label == label }) {
                    throw labelValue.error("two runs are labelled '\(label)'; labels name the curves and must differ")
                }
                runNodes.append((label, labelValue, overrides))
            }
            if runNodes.isEmpty { throw runsValue.error("'runs' is empty: list at least one run, or leave 'runs' out") }
        } else {
            let optimizerName = try train["optimizer"].map { try $0.component(kind: "optimizer").name } ?? "run"
            runNodes.append((optimizerName, nil, [:]))
        }

        let grid = try keys["sweep"].map(parseSweep) ?? []
        var runs: [RunPlan] = []
        for run in runNodes {
            for combination in cartesianProduct(grid) {
                var settings = train.merging(run.overrides) { _, override in override }
                var label = run.label
                for (path, value) in combination {
                    settings = try override(settings, path: path, with: value)
                    label += " \(path.last ?? "")=\(value.text)"
                }
                runs.append(try parseRun(label: label, settings: settings, at: run.labelValue ?? document))
            }
        }

        return ExperimentPlan(
            name: name, description: description, dtype: dtype, seeds: seeds, dataset: dataset,
            datasetLine: datasetValue.line, datasetColumn: datasetValue.column, validationSplit: split, featureScaling: scaling, model: model, loss: loss, lossName: lossName, metrics: metrics, runs: runs,
            plots: plots, sweepAxes: grid.map { $0.path.joined(separator: ".") },
            failOnDivergence: try keys["fail_on_divergence"]?.bool() ?? false, checkpointEvery: checkpointEvery, source: text, file: file, baseDirectory: baseDirectory)
    }

    /// A dataset written as in an experiment file, e.g. the command-line value
    /// `--data "csv: {path: new.csv, target: label}"`; errors name `what`.
    public static func parseDataset(_ text: String, what: String) throws -> any Dataset {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: what)
        }
        guard let node else { throw ExperimentError(file: what, message: "empty dataset; write it as in an experiment file, e.g. \"csv: {path: data.csv, target: label}\"") }
        let value = ConfigValue(node: node, file: what, path: "")
        let (dataset, split, scaling) = try parseDataset(value)
        if split != nil || scaling != nil { throw value.error("split and scale have no meaning here") }
        return dataset
    }

    // MARK: Sections

    static func require(_ keys: [String: ConfigValue], _ key: String, _ parent: ConfigValue) throws -> ConfigValue {
        guard let value = keys[key] else {
            throw ExperimentError(file: parent.file, line: 1, column: 1, message: "the experiment needs '\(key)'")
        }
        return value
    }

    static func parseSeeds(_ value: ConfigValue) throws -> [UInt64] {
        let items = (try? value.sequence()) ?? [value]
        guard !items.isEmpty else { throw value.error("seeds is empty: give at least one seed") }
        return try items.map { item in
            let seed = try item.int()
            guard seed >= 0 else { throw item.error("seeds must be >= 0, found \(seed)") }
            return UInt64(seed)
        }
    }

    static func parseDataset(_ value: ConfigValue) throws -> (any Dataset, ValidationSplit?, FeatureScaling?) {
        var split: ValidationSplit?
        var scaling: FeatureScaling?
        var dataset: (any Dataset)?
        for (key, keyValue, entry) in try value.entries() {
            if key == "scale" {
                let name = try entry.string()
                guard let choice = FeatureScaling(rawValue: name) else {
                    throw entry.error(unknownNameMessage("scaling", name, known: FeatureScaling.allCases.map(\.rawValue)))
                }
                scaling = choice
                continue
            }
            if key == "split" {
                let settings = try entry.mapping(allowed: ["validation"], what: "split")
                if let validation = settings["validation"] {
                    let number = try validation.double()
                    if number > 0 && number < 1 {
                        split = .fraction(number)
                    } else if number >= 1 && number == number.rounded() && number <= Double(Settings.Check.largestCount) {
                        split = .count(Int(number))
                    } else {
                        throw validation.error("split 'validation' is a fraction in (0, 1) or a number of samples >= 1, found \(validation.text)")
                    }
                }
                continue
            }
            guard dataset == nil else {
                throw keyValue.error("dataset names one source; found a second one, '\(key)'")
            }
            guard Registries.datasets.contains(key) else {
                throw keyValue.error(unknownNameMessage("dataset", key, known: Registries.datasets.names))
            }
            // The registry reads a one-key map; its positions are the original nodes'.
            let single = Node.mapping(Node.Mapping([(keyValue.node, entry.node)]))
            dataset = try Registries.datasets.make(from: ConfigValue(node: single, file: value.file, path: value.path))
        }
        guard let dataset else {
            throw value.error("dataset needs a source, one of: \(Registries.datasets.names.joined(separator: ", "))")
        }
        return (dataset, split, scaling)
    }

    static func parseModel(_ value: ConfigValue) throws -> [ModelEntry] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("model is empty: list its layers") }
        return try items.map { item in
            let (name, nameValue, _) = try item.component(kind: "layer")
            let registry = Registries.activations.contains(name) ? Registries.activations : Registries.layers
            if !registry.contains(name) {
                throw nameValue.error(unknownNameMessage("layer", name, known: Registries.layers.names + Registries.activations.names))
            }
            return ModelEntry(name: name, spec: try registry.make(from: item), line: nameValue.line, column: nameValue.column)
        }
    }

    static func names(_ value: ConfigValue, allowed: [String], what: String) throws -> [String] {
        try value.sequence().map { item in
            let name = try item.string()
            guard allowed.contains(name) else { throw item.error(unknownNameMessage(what, name, known: allowed)) }
            return name
        }
    }

    static func parseRun(label: String, settings: [String: ConfigValue], at position: ConfigValue) throws -> RunPlan {
        guard let optimizerValue = settings["optimizer"] else {
            throw position.error("run '\(label)' has no optimizer: set 'optimizer' under train: or in the run")
        }
        let optimizer = try Registries.optimizers.make(from: optimizerValue)
        let optimizerName = try optimizerValue.component(kind: "optimizer").name
        let epochs = try settings["epochs"].map { value -> Int in
            let epochs = try value.int()
            guard epochs >= 1 && epochs <= Settings.Check.largestCount else {
                throw value.error("epochs must be from 1 to \(Settings.Check.largestCount), found \(epochs)")
            }
            return epochs
        } ?? 100
        let batch = try settings["batch"].map(parseBatch) ?? .samples(32)
        let shuffle = try settings["shuffle"]?.bool() ?? true
        let recordSteps = try settings["record_steps"]?.bool() ?? false
        let stopping = try settings["stop"].map(parseStop) ?? StoppingCriteria()
        let clipping = try settings["clip"].map(parseClip)
        let schedule = try settings["schedule"].map { try Registries.schedules.make(from: $0) } ?? ScheduleChoice.constant
        let model = try settings["model"].map(parseModel)
        return RunPlan(label: label, model: model, epochs: epochs, batch: batch, shuffle: shuffle, stopping: stopping, clipping: clipping,
                       optimizer: optimizer, optimizerName: optimizerName, schedule: schedule, recordSteps: recordSteps)
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

    // MARK: Sweeps

    /// `grid: {optimizer.lr: [0.001, 0.01]}` as (key path, values) in file order.
    static func parseSweep(_ value: ConfigValue) throws -> [(path: [String], values: [ConfigValue])] {
        let keys = try value.mapping(allowed: ["grid"], what: "sweep")
        guard let grid = keys["grid"] else { throw value.error("sweep needs 'grid: {key.path: [values]}'") }
        let entries = try grid.entries()
        guard !entries.isEmpty else { throw grid.error("sweep grid is empty: map at least one key path to values") }
        return try entries.map { key, keyValue, entry in
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !path.contains(where: \.isEmpty) else { throw keyValue.error("sweep path '\(key)' has an empty part") }
            guard let first = path.first, trainKeys.contains(first) else {
                throw keyValue.error(unknownKeyMessage(key.split(separator: ".").first.map(String.init) ?? key, in: "sweep grid (paths start at a train key)", known: trainKeys))
            }
            let values = try entry.sequence()
            guard !values.isEmpty else { throw entry.error("sweep '\(key)' has no values") }
            return (path, values)
        }
    }

    static func cartesianProduct(_ grid: [(path: [String], values: [ConfigValue])]) -> [[([String], ConfigValue)]] {
        grid.reduce([[]]) { partial, axis in
            partial.flatMap { combination in axis.values.map { combination + [(axis.path, $0)] } }
        }
    }

    /// Sets `path` (e.g. optimizer.lr) in the merged train settings.
    static func override(_ settings: [String: ConfigValue], path: [String], with value: ConfigValue) throws -> [String: ConfigValue] {
        var settings = settings
        let key = path[0]
        guard path.count > 1 else {
            settings[key] = value
            return settings
        }
        guard let current = settings[key] else {
            throw value.error("sweep sets '\(path.joined(separator: "."))' but no run sets '\(key)'")
        }
        let isComponent = key == "optimizer" || key == "schedule"
        settings[key] = current.child(try setting(Array(path.dropFirst()), to: value.node, in: current.node, isComponent: isComponent), key: "")
        return settings
    }

    static func setting(_ path: [String], to value: Node, in node: Node, isComponent: Bool) throws -> Node {
        if isComponent {
            switch node {
            case .scalar:
                return Node.mapping(Node.Mapping([(node, try setting(path, to: value, in: Node.mapping(Node.Mapping([])), isComponent: false))]))
            case .mapping(let mapping) where mapping.count == 1:
                let pair = mapping[mapping.startIndex]
                let inner = pair.value.mapping != nil ? pair.value : Node.mapping(Node.Mapping([]))
                return Node.mapping(Node.Mapping([(pair.key, try setting(path, to: value, in: inner, isComponent: false))]))
            default:
                return node
            }
        }
        guard case .mapping(let mapping) = node else { return node }
        var pairs = mapping.map { ($0.key, $0.value) }
        let key = path[0]
        let replacement: Node
        if path.count == 1 {
            replacement = value
        } else {
            let existing = pairs.first { $0.0.string == key }?.1 ?? Node.mapping(Node.Mapping([]))
            replacement = try setting(Array(path.dropFirst()), to: value, in: existing, isComponent: false)
        }
        if let index = pairs.firstIndex(where: { $0.0.string == key }) {
            pairs[index].1 = replacement
        } else {
            pairs.append((Node(key), replacement))
        }
        return Node.mapping(Node.Mapping(pairs))
    }

    static func yamlError(_ error: YamlError, file: String) -> ExperimentError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return ExperimentError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(detail)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ExperimentError(file: file, line: context.mark.line, column: context.mark.column,
                                   message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")): each key may appear once in a mapping")
        default:
            let text = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "unreadable"
            return ExperimentError(file: file, message: "YAML: \(text)")
        }
    }
}
