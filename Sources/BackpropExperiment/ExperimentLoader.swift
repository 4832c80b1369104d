import Foundation
import BackpropTraining

/// Reads an experiment file into an `ExperimentPlan`, checking every key,
/// name and value; errors carry the file, line and column. Components are
/// made from its catalog: the library's, and any plugin's added to it.
public struct ExperimentLoader: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    static let topLevelKeys = ["name", "description", "dtype", "seeds", "dataset", "model", "loss", "metrics",
                               "train", "runs", "sweep", "plots", "checkpoint", "fail_on_divergence"]

    /// Loads and validates the file at `path` (the dataset is not loaded yet).
    public func load(path: String) throws -> ExperimentPlan {
        // Absolute, so checkpoints and results.json find the data from any folder.
        try parse(try Self.text(of: path, what: "experiment"), file: path, baseDirectory: Self.absoluteFolder(of: path))
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
    /// metrics, plots, checkpoint, train, runs, sweep) and the first problem
    /// met is reported.
    public func parse(_ text: String, file: String, baseDirectory: String = "") throws -> ExperimentPlan {
        guard let document = try YAMLReader.read(text, file: file) else {
            throw ExperimentError(file: file, message: "the experiment file is empty")
        }
        return try parse(document: document, text: text, file: file, baseDirectory: baseDirectory)
    }

    /// An experiment from a document already read; a suite builds one per
    /// problem from parts of its file, which keep their positions for errors.
    func parse(document: ConfigValue, text: String, file: String, baseDirectory: String) throws -> ExperimentPlan {
        let keys = try document.mapping(allowed: Self.topLevelKeys, what: "the experiment")
        func required(_ key: String) throws -> ConfigValue {
            guard let value = keys[key] else {
                throw ExperimentError(file: file, line: 1, column: 1, message: "the experiment needs '\(key)'")
            }
            return value
        }
        let name = try Self.parseName(try required("name"))
        let description = try keys["description"]?.string() ?? ""
        let dtype = try keys["dtype"].map(Self.parseDType) ?? .float32
        let seeds = try keys["seeds"].map(Self.parseSeeds) ?? [1]
        let datasetValue = try required("dataset")
        let data = try parseDataset(datasetValue)
        let model = try parseModel(try required("model"))
        let lossValue = try required("loss")
        let loss = try catalog.make(\.losses, from: lossValue)
        let metrics = try keys["metrics"].map(Self.parseMetrics) ?? Metric.reportable
        let plots = try keys["plots"].map(parsePlots)
        let checkpointEvery = try keys["checkpoint"].map { try CheckpointSection($0).every }
        let (runs, sweepAxes) = try parseRuns(train: keys["train"], runs: keys["runs"], sweep: keys["sweep"], document: document,
                                              hasValidation: data.split?.validation != nil)
        if let every = checkpointEvery, let value = keys["checkpoint"] {
            try Self.checkCheckpointCount(every: every, runs: runs, seeds: seeds.count, at: value)
        }
        return ExperimentPlan(
            name: name, description: description, dtype: dtype, seeds: seeds, dataset: data.source, datasetPosition: datasetValue.position,
            split: data.split, featureScaling: data.scaling, targetScaling: data.targetScaling, model: model, loss: loss,
            lossName: try lossValue.component(kind: "loss").name, tableMetrics: metrics, runs: runs, plots: plots, sweepAxes: sweepAxes,
            failOnDivergence: try keys["fail_on_divergence"]?.bool() ?? false, checkpointEvery: checkpointEvery,
            identity: "{dtype:\(dtype.rawValue),dataset:\(datasetValue.canonical),model:\(try required("model").canonical),loss:\(lossValue.canonical)}",
            source: text, file: file, baseDirectory: baseDirectory, catalog: catalog)
    }

    /// A dataset written as in an experiment file, e.g. the command-line value
    /// `--data "csv: {path: new.csv, target: label}"`; errors name `what`.
    package func parseDataset(_ text: String, what: String) throws -> any Dataset {
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
    func parseDataset(_ value: ConfigValue) throws -> DatasetSection {
        if value.isScalar {
            // A bare name, `dataset: xor`: the source with its defaults.
            return DatasetSection(source: try catalog.make(\.datasets, from: value))
        }
        var section: (source: (any Dataset)?, split: SplitPlan?, scaling: FeatureScaling?, targetScaling: FeatureScaling?) = (nil, nil, nil, nil)
        for (key, keyValue, entry) in try value.entries() {
            switch key {
            case "scale":
                section.scaling = try Self.parseScaling(entry)
            case "scale_target":
                section.targetScaling = try Self.parseScaling(entry)
            case "split":
                section.split = try SplitPlan(entry)
            default:
                guard section.source == nil else {
                    throw keyValue.error("dataset names one source; found a second one, '\(key)'")
                }
                guard catalog.datasets.contains(key) else {
                    throw keyValue.error(unknownNameMessage("dataset", key, known: catalog.datasets.names))
                }
                section.source = try catalog.make(\.datasets, from: value.replacing(.mapping([(keyValue, entry)])))
            }
        }
        guard let source = section.source else {
            throw value.error("dataset needs a source, one of: \(catalog.datasets.names.joined(separator: ", "))")
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

    /// Layers and activations, each from its registry.
    func parseModel(_ value: ConfigValue) throws -> [ModelEntry] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("model is empty: list its layers") }
        return try items.map { item in
            let (name, nameValue, _) = try item.component(kind: "layer")
            let spec: any LayerSpec
            if catalog.activations.contains(name) {
                spec = try catalog.make(\.activations, from: item)
            } else if catalog.layers.contains(name) {
                spec = try catalog.make(\.layers, from: item)
            } else {
                throw nameValue.error(unknownNameMessage("layer", name, known: catalog.layers.names + catalog.activations.names))
            }
            return ModelEntry(name: name, spec: spec, position: nameValue.position)
        }
    }

    /// `plots:`: the charts, each made from the catalog where it is written,
    /// so a name or a setting is checked with the rest of the file.
    func parsePlots(_ value: ConfigValue) throws -> [PlotRequest] {
        try value.sequence().map { entry in
            PlotRequest(name: try entry.component(kind: catalog.plots.kind).name, chart: try catalog.make(\.plots, from: entry))
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
}

/// `checkpoint: {every: N}`: a checkpoint every N epochs (and at the last).
struct CheckpointSection: FileSection {
    static let key = "checkpoint"
    var every: Int

    init(settings: Settings) throws {
        every = try settings.int("every", default: nil, .atLeastOne)
    }
}
