import Foundation
import BackpropTraining

/// Reads an experiment file into an `ExperimentPlan`, checking every key,
/// name and value; errors carry the file, line and column.
public enum ExperimentLoader {
    static let topLevelKeys = ["name", "description", "dtype", "seeds", "dataset", "model", "loss", "metrics",
                               "train", "runs", "sweep", "plots", "checkpoint", "fail_on_divergence"]

    /// Loads and validates the file at `path` (the dataset is not loaded yet).
    public static func load(path: String) throws -> ExperimentPlan {
        // Absolute, so checkpoints and results.json find the data from any folder.
        try parse(try text(of: path, what: "experiment"), file: path, baseDirectory: absoluteFolder(of: path))
    }

    /// The UTF-8 text of an experiment or suite file, or a one-line error.
    static func text(of path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError(file: path, message: "cannot read the \(what) file (no such file or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExperimentError(file: path, message: "the \(what) file is not UTF-8 text")
        }
        return text
    }

    /// The folder holding `path`, made absolute against the working folder.
    static func absoluteFolder(of path: String) -> String {
        let directory = parentFolder(of: path)
        return directory.hasPrefix("/") ? directory
            : FileManager.default.currentDirectoryPath + (directory.isEmpty ? "" : "/" + directory)
    }

    /// Parses experiment text; `file` names it in errors. Sections are read in
    /// a fixed order (name, description, dtype, seeds, dataset, model, loss,
    /// metrics, checkpoint, train, runs, sweep) and the first problem met is
    /// reported. `plots:` is kept as written: the output checks it
    /// (`Charts.requested`), as `backprop run` and `validate` do.
    public static func parse(_ text: String, file: String, baseDirectory: String = "") throws -> ExperimentPlan {
        guard let document = try YAMLReader.read(text, file: file) else {
            throw ExperimentError(file: file, message: "the experiment file is empty")
        }
        return try parse(document: document, text: text, file: file, baseDirectory: baseDirectory)
    }

    /// An experiment from a document already read; a suite builds one per
    /// problem from parts of its file, which keep their positions for errors.
    static func parse(document: ConfigValue, text: String, file: String, baseDirectory: String) throws -> ExperimentPlan {
        let keys = try document.mapping(allowed: topLevelKeys, what: "the experiment")
        func required(_ key: String) throws -> ConfigValue {
            guard let value = keys[key] else {
                throw ExperimentError(file: file, line: 1, column: 1, message: "the experiment needs '\(key)'")
            }
            return value
        }
        let name = try parseName(try required("name"))
        let description = try keys["description"]?.string() ?? ""
        let dtype = try keys["dtype"].map(parseDType) ?? .float32
        let seeds = try keys["seeds"].map(parseSeeds) ?? [1]
        let datasetValue = try required("dataset")
        let data = try parseDataset(datasetValue)
        let model = try parseModel(try required("model"))
        let lossValue = try required("loss")
        let loss = try Registries.losses.make(from: lossValue)
        let metrics = try keys["metrics"].map(parseMetrics) ?? Metric.reportable
        let plots = try keys["plots"]?.sequence()
        let checkpointEvery = try keys["checkpoint"].map(parseCheckpoint)
        let (runs, sweepAxes) = try parseRuns(train: keys["train"], runs: keys["runs"], sweep: keys["sweep"], document: document,
                                              hasValidation: data.split?.validation != nil)
        if let every = checkpointEvery, let value = keys["checkpoint"] {
            try checkCheckpointCount(every: every, runs: runs, seeds: seeds.count, at: value)
        }
        return ExperimentPlan(
            name: name, description: description, dtype: dtype, seeds: seeds, dataset: data.source, datasetPosition: datasetValue.position,
            split: data.split, featureScaling: data.scaling, targetScaling: data.targetScaling, model: model, loss: loss,
            lossName: try lossValue.component(kind: "loss").name, tableMetrics: metrics, runs: runs, plots: plots, sweepAxes: sweepAxes,
            failOnDivergence: try keys["fail_on_divergence"]?.bool() ?? false, checkpointEvery: checkpointEvery,
            identity: "{dtype:\(dtype.rawValue),dataset:\(datasetValue.canonical),model:\(try required("model").canonical),loss:\(lossValue.canonical)}",
            source: text, file: file, baseDirectory: baseDirectory)
    }

    /// A dataset written as in an experiment file, e.g. the command-line value
    /// `--data "csv: {path: new.csv, target: label}"`; errors name `what`.
    package static func parseDataset(_ text: String, what: String) throws -> any Dataset {
        let example = "write it as in an experiment file, e.g. \"csv: {path: data.csv, target: label}\""
        guard let value = try YAMLReader.read(text, file: what) else {
            throw ExperimentError(file: what, message: "empty dataset; \(example)")
        }
        guard value.isMapping else { throw value.error("'\(value.text)' is not a dataset; \(example)") }
        let data = try parseDataset(value)
        if data.split != nil || data.scaling != nil || data.targetScaling != nil {
            throw value.error("split, scale and scale_target have no meaning here")
        }
        return data.source
    }

    // MARK: Sections

    static func parseName(_ value: ConfigValue) throws -> String {
        let name = try value.string()
        guard !name.isEmpty, name.count <= 100, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }),
              name != "." && name != ".." else {
            throw value.error("name '\(name.prefix(40))' may use only a-z, 0-9, '-' and '_', at most 100 of them (it names the folder plots/<name>/)")
        }
        return name
    }

    static func parseDType(_ value: ConfigValue) throws -> ExperimentPlan.DType {
        let text = try value.string()
        guard let dtype = ExperimentPlan.DType(rawValue: text) else {
            throw value.error("dtype must be float32 or float64, found '\(text)'")
        }
        return dtype
    }

    static func parseSeeds(_ value: ConfigValue) throws -> [UInt64] {
        let items = (try? value.sequence()) ?? [value]
        guard !items.isEmpty else { throw value.error("seeds is empty: give at least one seed") }
        var seeds: [UInt64] = []
        for item in items {
            let seed = try item.seed("seeds")
            guard !seeds.contains(seed) else { throw item.error("seed \(seed) is listed twice: its runs would repeat") }
            seeds.append(seed)
        }
        return seeds
    }

    /// What `dataset:` holds: one source from the dataset registry, and how
    /// to split and scale it.
    struct DatasetSection {
        var source: any Dataset
        var split: SplitPlan?
        var scaling: FeatureScaling?
        var targetScaling: FeatureScaling?
    }

    /// `dataset: xor`, or a mapping of one source to its settings with
    /// optional `split: {...}`, `scale:` and `scale_target:`.
    static func parseDataset(_ value: ConfigValue) throws -> DatasetSection {
        if value.isScalar {
            // A bare name, `dataset: xor`: the source with its defaults.
            return DatasetSection(source: try Registries.datasets.make(from: value))
        }
        var section: (source: (any Dataset)?, split: SplitPlan?, scaling: FeatureScaling?, targetScaling: FeatureScaling?) = (nil, nil, nil, nil)
        for (key, keyValue, entry) in try value.entries() {
            switch key {
            case "scale":
                section.scaling = try parseScaling(entry)
            case "scale_target":
                section.targetScaling = try parseScaling(entry)
            case "split":
                section.split = try parseSplit(entry)
            default:
                guard section.source == nil else {
                    throw keyValue.error("dataset names one source; found a second one, '\(key)'")
                }
                guard Registries.datasets.contains(key) else {
                    throw keyValue.error(unknownNameMessage("dataset", key, known: Registries.datasets.names))
                }
                section.source = try Registries.datasets.make(from: value.replacing(.mapping([(keyValue, entry)])))
            }
        }
        guard let source = section.source else {
            throw value.error("dataset needs a source, one of: \(Registries.datasets.names.joined(separator: ", "))")
        }
        return DatasetSection(source: source, split: section.split, scaling: section.scaling, targetScaling: section.targetScaling)
    }

    static func parseScaling(_ value: ConfigValue) throws -> FeatureScaling {
        let name = try value.string()
        guard let choice = FeatureScaling(rawValue: name) else {
            throw value.error(unknownNameMessage("scaling", name, known: FeatureScaling.allCases.map(\.rawValue)))
        }
        return choice
    }

    /// `split: {validation: 0.2, test: 50, seed: 7, stratify: true}`.
    static func parseSplit(_ value: ConfigValue) throws -> SplitPlan {
        let keys = try value.mapping(allowed: ["validation", "test", "seed", "stratify"], what: "split")
        func size(_ key: String) throws -> SplitPlan.Size? {
            guard let entry = keys[key] else { return nil }
            let number = try entry.double()
            if number > 0 && number < 1 { return .fraction(number) }
            // 1.0 reads as "all of it" as often as "one row": say which it is.
            if number == 1 && entry.text.contains(".") {
                throw entry.error("split '\(key)' of 1.0 would hold out every row; write a fraction below 1, or 1 for a single row")
            }
            if number >= 1 && number == number.rounded() && number <= Double(Settings.Check.largestCount) { return .count(Int(number)) }
            throw entry.error("split '\(key)' is a fraction in (0, 1) or a number of samples >= 1, found \(entry.text)")
        }
        let seed = try keys["seed"]?.seed("split 'seed'") ?? SplitPlan.defaultSeed
        let plan = SplitPlan(validation: try size("validation"), test: try size("test"), seed: seed,
                             stratify: try keys["stratify"]?.bool() ?? false)
        guard plan.validation != nil || plan.test != nil else {
            throw value.error("split holds nothing out: give validation, test or both (a fraction or a number of rows)")
        }
        return plan
    }

    /// Layers and activations, each from its registry.
    static func parseModel(_ value: ConfigValue) throws -> [ModelEntry] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("model is empty: list its layers") }
        return try items.map { item in
            let (name, nameValue, _) = try item.component(kind: "layer")
            let spec: any LayerSpec
            if Registries.activations.contains(name) {
                spec = try Registries.activations.make(from: item)
            } else if Registries.layers.contains(name) {
                spec = try Registries.layers.make(from: item)
            } else {
                throw nameValue.error(unknownNameMessage("layer", name, known: Registries.layers.names + Registries.activations.names))
            }
            return ModelEntry(name: name, spec: spec, position: nameValue.position)
        }
    }

    static func parseMetrics(_ value: ConfigValue) throws -> [Metric] {
        try value.sequence().map { item in try Metric.named(try item.string(), at: item, among: Metric.reportable, for: "metric") }
    }

    /// The most checkpoint files an experiment may plan: more is a mistake in
    /// `every` (or a disk filled for nothing), refused before training.
    package static let maximumCheckpointFiles = 10_000

    static func checkCheckpointCount(every: Int, runs: [RunPlan], seeds: Int, at value: ConfigValue) throws {
        // Every `every` epochs and the last one, for each run x seed.
        let files = runs.reduce(0.0) { $0 + Double(seeds) * (Double($1.epochs / every) + 1) }
        guard files <= Double(maximumCheckpointFiles) else {
            throw value.error("checkpoint every \(every) epoch(s) would write up to \(formatSignificant(files, digits: 3)) files (runs x seeds x epochs / every); at most \(maximumCheckpointFiles): make 'every' larger")
        }
    }

    static func parseCheckpoint(_ value: ConfigValue) throws -> Int {
        guard let every = try value.mapping(allowed: ["every"], what: "checkpoint")["every"] else {
            throw value.error("checkpoint needs 'every: N' (epochs)")
        }
        let count = try every.int()
        guard count >= 1 else { throw every.error("checkpoint 'every' must be >= 1, found \(count)") }
        return count
    }
}
