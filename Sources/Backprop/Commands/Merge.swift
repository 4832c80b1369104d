extension Commands {
    /// `backprop merge DIR...`: combines the results of sweep shards into one
    /// report under OUTPUT_ROOT/NAME.
    public static func merge(directories: [String], outputRoot: String) throws -> CommandOutcome {
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
        let lacking = missing.isEmpty ? [] : ["merged results lack \(missing.count) run(s) of the sweep (a shard missing?): \(missing.joined(separator: ", "))"]
        result.warnings += lacking
        let order = Dictionary(uniqueKeysWithValues: result.plan.runs.enumerated().map { ($1.label, $0) })
        result.runs.sort { (order[$0.label] ?? 0, $0.seed) < (order[$1.label] ?? 0, $1.seed) }
        result.wallSeconds = stored.map(\.wallSeconds).reduce(0, +)
        try OutputWriter.checkWritable(outputRoot + "/" + result.plan.name)
        return written(try OutputWriter.write(result, to: outputRoot + "/" + result.plan.name), warnings: lacking)
    }
}
