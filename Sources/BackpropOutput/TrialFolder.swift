import Foundation
import BackpropAnalysis

/// A sweep's finished trials as files: `OUTPUT/NAME/trials/KEY.json`, one per
/// run x seed, each written atomically the moment the job finishes (to a
/// temporary name, then renamed). A killed sweep leaves whole files and, at
/// worst, a temporary one that is never read; run again, it trains only the
/// trials that have no file. No database, no lock: shards write into folders
/// of their own, and a merge is the union of the files.
package struct TrialFolder: TrialStore {
    package static let folderName = "trials"

    /// One trial on disk.
    package struct File: Codable {
        static let format = "backprop-trial/1"
        var format: String
        package var version: String
        package var experiment: String
        var key: String
        package var result: RunResult
    }

    /// Where new trials are written.
    package let directory: String
    /// Where finished ones are looked for, `directory` first.
    package let readFrom: [String]
    let experiment: String
    /// The program (`Version.description(of:)`) whose trials are reused and written.
    let version: String

    /// Trials of `experiment` in `directory`, reusing any also found in
    /// `readFrom` that the same program (`version`) made.
    package init(directory: String, readFrom: [String] = [], experiment: String, version: String) {
        self.version = version
        self.directory = directory
        self.readFrom = [directory] + readFrom.filter { $0 != directory }
        self.experiment = experiment
    }

    /// The trial folders of an experiment's output folder: its own, and its shards'.
    package static func folders(inExperiment root: String) -> [String] {
        let shards = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + Shard.folderName)) ?? []
        // Hidden ones are a shard's output set being written (OutputSet), not a shard.
        return [root + "/" + folderName] + shards.filter { !$0.hasPrefix(".") }.sorted()
            .map { root + "/" + Shard.folderName + "/" + $0 + "/" + folderName }
    }

    package func load(key: String) -> RunResult? {
        for folder in readFrom {
            if let file = Self.read(folder + "/" + key + ".json"), file.key == key, file.version == version {
                return file.result
            }
        }
        return nil
    }

    package func save(_ result: RunResult) throws {
        guard let key = result.trialKey else { return }
        try OutputWriter.makeDirectory(directory)
        let file = File(format: File.format, version: version, experiment: experiment, key: key, result: result)
        try AtomicFile.write(try ResultsFile.encoder.encode(file), to: directory + "/" + key + ".json")
    }

    /// A trial file, or nil when it is missing or not whole (a damaged file
    /// is a trial to train again, not an error).
    static func read(_ path: String) -> File? {
        guard let data = FileManager.default.contents(atPath: path),
              let file = try? ResultsFile.decoder.decode(File.self, from: data), file.format == File.format else { return nil }
        return file
    }

    /// Every readable trial in `folder`, by key.
    package static func all(in folder: String) -> [String: File] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var files: [String: File] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            if let file = read(folder + "/" + name) { files[file.key] = file }
        }
        return files
    }

    /// Removes temporary files left by writers killed while writing, so they
    /// do not pile up. By age, not by process id: on a shared folder the
    /// writer may be another machine's (a live one holds its file for
    /// milliseconds, so an hour-old one is abandoned).
    package func removeAbandonedTemporaries(olderThan age: TimeInterval = 3600) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            let path = directory + "/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  Date().timeIntervalSince(modified) > age else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
