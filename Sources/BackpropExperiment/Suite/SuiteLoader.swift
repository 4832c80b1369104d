import Foundation
import BackpropTraining

/// Reads a suite file (`experiments/suites/NAME.yaml`) into a `SuitePlan`.
/// Every problem becomes an experiment built from parts of the file (or of
/// the experiment file it names), so errors keep their file, line and column.
///
///     name: small
///     tuning: {grid: {optimizer.lr: [0.001, 0.01, 0.1]}, seed: 1}   # or random: {...}, as sweep:
///     seeds: 10                  # reruns of each chosen setting (a count or a list)
///     time: epochs               # or seconds (machine-dependent)
///     problems:
///       - {name: xor, experiment: ../xor-optimizers.yaml, epochs: 300, target: {val_accuracy: 1.0}}
///       - {name: spiral, dataset: {...}, model: [...], loss: ..., epochs: 200, target: {val_accuracy: 0.9}}
///     contenders:
///       - {label: Adam, batch: 16, optimizer: adam}
package enum SuiteLoader {
    static let topLevelKeys = ["name", "description", "tuning", "seeds", "time", "problems", "contenders"]
    static let problemKeys = ["name", "experiment", "dtype", "dataset", "model", "loss", "train", "epochs", "target"]
    /// The parts of a named experiment file a problem takes: what it trains, not how it compares.
    static let experimentParts = ["dtype", "dataset", "model", "loss", "train"]
    /// DeepOBS's learning-rate grid: 1e-5 to 1e2, a point per decade.
    static let defaultGrid = ["0.00001", "0.0001", "0.001", "0.01", "0.1", "1", "10", "100"]
    static let defaultRerunSeeds = 10
    static let maximumRerunSeeds = 1000

    package static func load(path: String, catalog: Catalog) throws -> SuitePlan {
        try parse(try ExperimentLoader.text(of: path, what: "suite"), file: path, baseDirectory: ExperimentLoader.absoluteFolder(of: path),
                  catalog: catalog)
    }

    package static func parse(_ text: String, file: String, baseDirectory: String = "", catalog: Catalog) throws -> SuitePlan {
        guard let document = try YAMLReader.read(text, file: file) else {
            throw ExperimentError(file: file, message: "the suite file is empty")
        }
        if let entries = try? document.entries(), let key = entries.first(where: { ["dataset", "model", "runs", "sweep"].contains($0.key) }) {
            throw key.keyValue.error("this is an experiment file ('\(key.key):' is an experiment's key): `backprop run` or `backprop sweep` takes it; `backprop suite` takes a suite file such as experiments/suites/small.yaml")
        }
        let keys = try document.mapping(allowed: topLevelKeys, what: "the suite")
        func required(_ key: String) throws -> ConfigValue {
            guard let value = keys[key] else {
                throw ExperimentError(file: file, line: 1, column: 1, message: "the suite needs '\(key)'")
            }
            return value
        }
        let name = try ExperimentLoader.parseName(try required("name"))
        let description = try keys["description"]?.string() ?? ""
        let (sweep, tuningSeed, tuningText) = try parseTuning(keys["tuning"])
        let rerunSeeds = try keys["seeds"].map(parseSeeds) ?? (1...UInt64(defaultRerunSeeds)).map { $0 }
        let timeUnit = try keys["time"].map { value -> SuitePlan.TimeUnit in
            guard let unit = SuitePlan.TimeUnit(rawValue: try value.string()) else {
                throw value.error("time must be epochs or seconds, found '\(value.text)'")
            }
            return unit
        } ?? .epochs
        let contendersValue = try required("contenders")
        let contenders = try contendersValue.sequence()
        guard !contenders.isEmpty else { throw contendersValue.error("'contenders' is empty: list at least one, e.g. {label: Adam, optimizer: adam}") }
        let problemsValue = try required("problems")
        let problemEntries = try problemsValue.sequence()
        guard !problemEntries.isEmpty else { throw problemsValue.error("'problems' is empty: list at least one") }
        try checkLabels(contenders)
        var problems: [SuiteProblem] = []
        for entry in problemEntries {
            let problem = try parseProblem(entry, contenders: contendersValue, sweep: sweep, tuningSeed: tuningSeed,
                                           suite: name, text: text, file: file, baseDirectory: baseDirectory, catalog: catalog)
            if problems.contains(where: { $0.name == problem.name }) {
                throw entry.error("two problems are named '\(problem.name)'; names name their folders and must differ (give one a 'name:')")
            }
            // The reruns' experiment, built now from the first setting of each contender, so its errors come before any training.
            var firsts: [RunPlan] = []
            for run in problem.tuning.runs where !firsts.contains(where: { $0.contender == run.contender }) { firsts.append(run) }
            _ = try problem.rerunPlan(chosen: firsts, seeds: rerunSeeds)
            problems.append(problem)
        }
        let labels = problems[0].tuning.runs.reduce(into: [String]()) { labels, run in
            if !labels.contains(run.contender) { labels.append(run.contender) }
        }
        // The protocol's fairness: every contender gets the same number of tuning trials.
        let counts = labels.map { label in problems[0].tuning.runs.filter { $0.contender == label }.count }
        if let budget = counts.first, let index = counts.firstIndex(where: { $0 != budget }) {
            throw (keys["tuning"] ?? contendersValue).error("tuning gives '\(labels[0])' \(budget) trial(s) but '\(labels[index])' \(counts[index]): the protocol gives every contender the same budget")
        }
        return SuitePlan(name: name, description: description, problems: problems, contenders: labels, rerunSeeds: rerunSeeds,
                         timeUnit: timeUnit, budget: counts.first ?? 0, tuningText: tuningText, source: text, file: file)
    }

    /// The reruns address each contender's tuned values as `runs.LABEL.SETTING`:
    /// a label must name one contender there.
    static func checkLabels(_ contenders: [ConfigValue]) throws {
        let labels = try contenders.compactMap { entry -> (String, ConfigValue)? in
            guard let value = try? entry.entries().first(where: { $0.key == "label" })?.value else { return nil }
            return (try value.string(), value)
        }
        for (label, value) in labels {
            if label == "*" { throw value.error("a contender cannot be labelled '*' (runs.*. means every contender)") }
            if let longer = labels.first(where: { $0.0.hasPrefix(label + ".") }) {
                throw longer.1.error("labels '\(label)' and '\(longer.0)' clash in the paths runs.LABEL.SETTING that name a contender's tuned values; rename one")
            }
        }
    }

    /// `tuning:` as the problems' `sweep:` (its grid, zip or random section),
    /// the seed of the tuning trials, and the search in words.
    static func parseTuning(_ value: ConfigValue?) throws -> (sweep: ConfigValue, seed: UInt64, text: String) {
        guard let value else {
            let grid = ConfigValue(entries: [("optimizer.lr", ConfigValue(.sequence(defaultGrid.map { ConfigValue(.scalar($0, plain: true)) })))])
            let seed = TuningSection.defaultSeed
            return (ConfigValue(entries: [("grid", grid)]), seed, "grid optimizer.lr: [\(defaultGrid.joined(separator: ", "))] (the default), seed \(seed)")
        }
        let tuning = try TuningSection(value)
        let text = tuning.search.map { "\($0.key.flowText): \($0.value.flowText)" }.joined(separator: "; ") + ", seed \(tuning.seed)"
        return (value.replacing(.mapping(tuning.search)), tuning.seed, text)
    }

    /// `seeds: 10` (seeds 1 to 10) or `seeds: [1, 2, 3]`.
    static func parseSeeds(_ value: ConfigValue) throws -> [UInt64] {
        if value.isScalar {
            let count = try value.int()
            guard (1...maximumRerunSeeds).contains(count) else {
                throw value.error("seeds must be from 1 to \(maximumRerunSeeds) reruns, found \(count)")
            }
            return (1...UInt64(count)).map { $0 }
        }
        return try ExperimentLoader.parseSeeds(value)
    }

    /// One problem as a tuning experiment: its data, model, loss and training
    /// (inline, or from the experiment file it names), the contenders as runs,
    /// the tuning space as its sweep.
    static func parseProblem(_ entry: ConfigValue, contenders: ConfigValue, sweep: ConfigValue, tuningSeed: UInt64,
                             suite: String, text: String, file: String, baseDirectory: String, catalog: Catalog) throws -> SuiteProblem {
        let keys = try entry.mapping(allowed: problemKeys, what: "a problem")
        guard let targetValue = keys["target"] else {
            throw entry.error("every problem needs a validation 'target', e.g. {val_accuracy: 0.95}")
        }
        let target = try ProblemTarget.parse(targetValue)
        var parts: [String: ConfigValue] = [:]
        var problemBase = baseDirectory
        var source = (text: text, file: file)
        var name = try keys["name"].map(ExperimentLoader.parseName)
        if let experimentValue = keys["experiment"] {
            let relative = try experimentValue.string()
            let path = relative.hasPrefix("/") || baseDirectory.isEmpty ? relative : baseDirectory + "/" + relative
            guard let data = FileManager.default.contents(atPath: path), let experimentText = String(data: data, encoding: .utf8) else {
                throw experimentValue.error("cannot read the experiment file '\(relative)' (no such file, not readable or not UTF-8)")
            }
            guard let document = try YAMLReader.read(experimentText, file: path) else {
                throw experimentValue.error("the experiment file '\(relative)' is empty")
            }
            let experimentKeys = try document.mapping(allowed: ExperimentLoader.topLevelKeys, what: "the experiment")
            for part in experimentParts { parts[part] = experimentKeys[part] }
            if name == nil { name = try experimentKeys["name"].map(ExperimentLoader.parseName) }
            problemBase = ExperimentLoader.absoluteFolder(of: path)
            source = (experimentText, path)
        }
        for part in experimentParts where part != "train" {
            if let value = keys[part] {
                if keys["experiment"] != nil {
                    throw value.error("'\(part)' comes from the experiment file this problem names; write the problem inline to change it")
                }
                parts[part] = value
            }
        }
        guard let problemName = name else { throw entry.error("every problem needs a 'name' (or an 'experiment' file, whose name it takes)") }
        for part in ["dataset", "model", "loss"] where parts[part] == nil {
            throw entry.error("problem '\(problemName)' needs '\(part)' (or an 'experiment' file that has it)")
        }
        // The experiment file's train keys, the problem's over them, then its epoch budget; the contenders override all.
        var train: [(key: String, keyValue: ConfigValue, value: ConfigValue)] = try parts["train"]?.entries() ?? []
        var overrides = try keys["train"]?.entries() ?? []
        if let epochs = keys["epochs"], let keyValue = try entry.entries().first(where: { $0.key == "epochs" })?.keyValue {
            overrides.append(("epochs", keyValue, epochs))
        }
        for override in overrides {
            train.removeAll { $0.key == override.key }
            train.append(override)
        }
        guard train.contains(where: { $0.key == "epochs" }) else {
            throw entry.error("problem '\(problemName)' needs an epoch budget: 'epochs: N'")
        }
        var document: [(key: String, value: ConfigValue)] = [
            ("name", ConfigValue(.scalar(problemName, plain: true))),
            ("description", ConfigValue(.scalar("\(suite): \(problemName)", plain: false))),
            ("seeds", ConfigValue(.sequence([ConfigValue(.scalar(String(tuningSeed), plain: true))]))),
        ]
        for part in ["dtype", "dataset", "model", "loss"] { if let value = parts[part] { document.append((part, value)) } }
        let trainValue = (keys["train"] ?? entry).replacing(.mapping(train.map { ($0.keyValue, $0.value) }))
        document += [("train", trainValue), ("runs", contenders), ("sweep", sweep),
                     ("plots", ConfigValue(.sequence([ConfigValue(.scalar("sensitivity", plain: true))])))]
        // Checked as written, so errors point into the suite (or experiment) file ...
        let checked = try ExperimentLoader(catalog: catalog).parse(document: composed(document, at: entry), text: source.text, file: source.file,
                                                 baseDirectory: problemBase)
        guard checked.split?.validation != nil else {
            throw (parts["dataset"] ?? entry).error("problem '\(problemName)' needs a validation split to tune on: dataset: {..., split: {validation: 0.2, test: 0.2}}")
        }
        // ... and run as an experiment file of its own, which results.json keeps and `plot` and `check` read.
        let problem = SuiteProblem(name: problemName, document: document, file: file, baseDirectory: problemBase, target: target,
                                   tuning: checked, checked: checked, entry: entry.position, targetPosition: targetValue.position)
        return try problem.withTuningPlan()
    }

    /// A mapping of parts of files, each value keeping its own path and
    /// position (`ConfigValue(entries:)` would move them under the new keys).
    static func composed(_ entries: [(key: String, value: ConfigValue)], at position: ConfigValue) -> ConfigValue {
        position.replacing(.mapping(entries.map { key, value in
            (ConfigValue(.scalar(key, plain: true), file: value.file, path: value.path, line: value.line, column: value.column), value)
        }))
    }
}

/// `tuning: {grid: {...}, seed: 1}`: the search of an experiment's `sweep:`
/// (its grid, zip or random sections) and the seed of the tuning trials.
struct TuningSection: FileSection {
    static let key = "tuning"
    static let defaultSeed: UInt64 = 1
    /// The sweep's sections in the file's order, which orders the labels of the trials.
    var search: [(key: ConfigValue, value: ConfigValue)]
    var seed: UInt64

    init(settings: Settings) throws {
        seed = try settings.seed("seed", default: Self.defaultSeed)
        var sections: [String: ConfigValue] = [:]
        for key in ["grid", "zip", "random"] { sections[key] = settings.optionalValue(key, "as under an experiment's sweep:") }
        search = settings.writtenKeys.compactMap { key in sections[key].map { ($0.replacing(.scalar(key, plain: true)), $0) } }
        try settings.finish()  // misspelt keys before the checks that span keys
        guard !search.isEmpty || settings.isDescribing else {
            throw settings.problem("tuning needs 'grid:', 'zip:' or 'random:' (as in an experiment's sweep:)")
        }
    }
}
