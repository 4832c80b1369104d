import Foundation
import BackpropOutput

extension Commands {
    /// `backprop merge DIR...`: the union of the trial files of sweep shards
    /// (or of any output folders of one experiment), as one report under
    /// OUTPUT_ROOT/NAME. Folders of another experiment or another program
    /// version are refused; trials that no folder has make it exit 1, listing
    /// them, unless `partial` writes what there is.
    package func merge(directories: [String], outputRoot: String, partial: Bool = false) throws -> CommandOutcome {
        // A shard stopped before its end has trial files but no results.json: its trials still count.
        let withResults = directories.filter { FileManager.default.fileExists(atPath: $0 + "/" + ResultsFile.name) }
        guard let first = withResults.first else {
            _ = try ResultsFile.read(directory: directories.first ?? ".", catalog: catalog)  // says what is wrong with it, in one line
            throw OutputError(path: ".", message: "merge needs at least one folder")
        }
        let stored = try withResults.map { try ResultsFile.read(directory: $0, catalog: catalog) }
        var result = stored[0]
        guard !result.trials.isEmpty else {
            throw OutputError(path: first, message: "made by backprop \(result.version), which kept no trial list; run the sweep again with this version")
        }
        for (index, other) in stored.enumerated() {
            if other.version != result.version {
                throw OutputError(path: withResults[index], message: "made by backprop \(other.version), but \(first) by \(result.version): merge only results of one program (run the older shards again)")
            }
            if other.experimentDigest != result.experimentDigest {
                throw OutputError(path: withResults[index], message: "holds experiment '\(other.plan.name)' (\(other.experimentDigest)), but \(first) holds '\(result.plan.name)' (\(result.experimentDigest)): merge only shards of one experiment file")
            }
        }
        var files: [String: (path: String, file: TrialFolder.File)] = [:]
        for directory in directories {
            let folder = directory + "/" + TrialFolder.folderName
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
                throw OutputError(path: directory, message: "not a folder of results")
            }
            for (key, file) in TrialFolder.all(in: folder) where file.version == result.version && file.experiment == result.plan.name
                && files[key] == nil {
                files[key] = (folder + "/" + key + ".json", file)
            }
        }
        var runs: [RunResult] = []
        var missing: [PlannedTrial] = []
        for trial in result.trials {
            guard var run = files[trial.key]?.file.result else {
                missing.append(trial)
                continue
            }
            (run.label, run.seed) = (trial.label, trial.seed)
            runs.append(run)
        }
        let lacking = "\(missing.count) of \(result.trials.count) trial(s) are in none of these folders: "
            + TrialList.describe(missing.map { ($0.label, $0.seed) })
        if !missing.isEmpty && !partial {
            return CommandOutcome(messages: ["error: \(lacking) (a shard missing or unfinished? run it, or give --partial to merge what there is)"], status: 1)
        }
        result.runs = runs
        result.wallSeconds = stored.map(\.wallSeconds).reduce(0, +)
        result.reused = 0
        let directory = outputRoot + "/" + result.plan.name
        try OutputWriter.refuseLinks(inside: directory)
        try OutputWriter.checkWritable(directory)
        let lock = try FolderLock(directory)
        defer { withExtendedLifetime(lock) {} }
        // The trial files come along, so the merged folder resumes and merges like any other.
        let trials = directory + "/" + TrialFolder.folderName
        try OutputWriter.makeDirectory(trials)
        for trial in result.trials {
            guard let source = files[trial.key], source.path != trials + "/" + trial.key + ".json",
                  let data = FileManager.default.contents(atPath: source.path) else { continue }
            try AtomicFile.write(data, to: trials + "/" + trial.key + ".json")
        }
        let warnings = missing.isEmpty ? result.warnings : result.warnings + ["partial merge: \(lacking)"]
        result.warnings = warnings
        return Self.written(try OutputWriter.write(result, to: directory), warnings: warnings)
    }
}
