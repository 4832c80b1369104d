import Foundation

/// What the command-line subcommands do, so the executable only parses arguments.
public enum ExperimentCommands {
    /// Runs an experiment (or one shard of its runs) and writes its outputs.
    /// Returns the outcome and whether any run diverged.
    public static func run(path: String, outputRoot: String, shard: (index: Int, count: Int)? = nil,
                           requireSweep: Bool = false, progress: any RunProgress) throws -> (OutputWriter.Outcome, ExperimentResult) {
        var plan = try ExperimentLoader.load(path: path)
        if requireSweep && plan.sweepAxes.isEmpty {
            throw ExperimentError(file: path, message: "this experiment has no 'sweep:' section; use `backprop run`")
        }
        var directory = outputRoot + "/" + plan.name
        try OutputWriter.checkWritable(directory)
        if let shard {
            plan.runs = plan.runs.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
            guard !plan.runs.isEmpty else {
                throw ExperimentError(file: path, message: "shard \(shard.index)/\(shard.count) has no runs (the experiment has fewer runs than shards)")
            }
            directory += "/shards/\(shard.index)-of-\(shard.count)"
        }
        let result = try ExperimentRunner.run(plan, progress: progress, checkpointDirectory: directory + "/checkpoints")
        return (try OutputWriter.write(result, to: directory), result)
    }

    /// Combines the results of sweep shards into one report under outputRoot/NAME.
    public static func merge(directories: [String], outputRoot: String) throws -> OutputWriter.Outcome {
        let stored = try directories.map { try ResultsFile.read(directory: $0) }
        guard var result = stored.first else { throw OutputError(path: ".", message: "merge needs at least one folder") }
        for (index, other) in stored.enumerated() where other.plan.source != result.plan.source {
            throw OutputError(path: directories[index], message: "these results come from a different experiment file than \(directories[0])")
        }
        result.runs = stored.flatMap(\.runs)
        var seen = Set<String>()
        for run in result.runs where !seen.insert("\(run.label)\u{0}\(run.seed)").inserted {
            throw OutputError(path: directories.joined(separator: " "), message: "run '\(run.label)' seed \(run.seed) appears in more than one folder; give each shard once")
        }
        let missing = result.plan.runs.map(\.label).filter { label in !result.runs.contains { $0.label == label } }
        if !missing.isEmpty {
            result.warnings.append("merged results lack \(missing.count) run(s) of the sweep (a shard missing?): \(missing.joined(separator: ", "))")
        }
        let order = Dictionary(uniqueKeysWithValues: result.plan.runs.enumerated().map { ($1.label, $0) })
        result.runs.sort { (order[$0.label] ?? 0, $0.seed) < (order[$1.label] ?? 0, $1.seed) }
        result.wallSeconds = stored.map(\.wallSeconds).reduce(0, +)
        try OutputWriter.checkWritable(outputRoot + "/" + result.plan.name)
        return try OutputWriter.write(result, to: outputRoot + "/" + result.plan.name)
    }

    /// Redraws the charts from the results saved in `directory`.
    public static func plot(directory: String) throws -> OutputWriter.Outcome {
        let result = try ResultsFile.read(directory: directory)
        return try OutputWriter.write(result, to: directory)
    }

    /// Checks an experiment without training; returns a summary and the warnings.
    public static func validate(path: String) throws -> (String, [String]) {
        let plan = try ExperimentLoader.load(path: path)
        let warnings = try ExperimentRunner.validate(plan)
        let summary = "\(path): ok — \(plan.runs.count) run(s) x \(plan.seeds.count) seed(s), model \(plan.model.map(\.name).joined(separator: " → ")), loss \(plan.lossName), \(plan.dtype.rawValue)"
        return (summary, warnings)
    }

    /// `backprop list [kind]`.
    public static func list(kind: String?) throws -> String {
        let all = Registries.describeAll()
        let chosen = try kind.map { name -> [(kind: String, entries: [(name: String, summary: String, settings: [Settings.Description])])] in
            guard let match = all.first(where: { $0.kind == name || $0.kind == name + "s" }) else {
                throw ComponentError(unknownNameMessage("kind", name, known: all.map(\.kind)))
            }
            return [match]
        } ?? all
        var lines: [String] = []
        for group in chosen {
            lines.append("\(group.kind):")
            for entry in group.entries {
                lines.append("  \(entry.name) — \(entry.summary)")
                for setting in entry.settings {
                    let constraint = setting.constraint.isEmpty ? "" : " (\(setting.constraint))"
                    lines.append("      \(setting.name): \(setting.defaultValue)\(constraint)")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Gradient checks on an experiment's own model and a few of its samples, in float64.
    public static func gradientCheck(path: String) throws -> [GradientCheck.Result] {
        let plan = try ExperimentLoader.load(path: path)
        let data = try ExperimentRunner.prepare(plan, as: Double.self)
        var random = RandomGenerator(seed: plan.seeds.first ?? 1)
        let model: Sequential<Double> = try ModelBuilder.build(plan, inputSize: data.train.features, random: &random)
        let sample = data.train.subset(0..<min(8, data.train.count))
        let loss = plan.loss.makeLoss(as: Double.self)
        return [GradientCheck.check("\(plan.name): \(plan.model.map(\.name).joined(separator: "-")) + \(plan.lossName)",
                                    model: model, loss: loss, input: sample.inputs, target: sample.targets)]
    }

    /// The worked example on an experiment's model (dense layers and activations,
    /// one output) and its first training sample.
    public static func explain(path: String, learningRate: Double?) throws -> WorkedExample {
        let plan = try ExperimentLoader.load(path: path)
        let data = try ExperimentRunner.prepare(plan, as: Double.self)
        var random = RandomGenerator(seed: plan.seeds.first ?? 1)
        let model: Sequential<Double> = try ModelBuilder.build(plan, inputSize: data.train.features, random: &random)
        let rate = learningRate ?? plan.runs.first.flatMap { run -> Double? in
            (try? run.optimizer.makeOptimizer(as: Double.self))?.learningRate
        } ?? 0.01
        do {
            return try WorkedExample(model: model, input: data.train.inputs.row(0), target: data.train.targets.storage[0], learningRate: rate)
        } catch let problem as WorkedExample.Problem {
            throw ExperimentError(file: path, message: problem.description)
        }
    }
}
