import Foundation
import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

/// The built `backprop` (the test build makes it), run as a user runs it.
let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/release/backprop").path

/// Starts `backprop arguments` in `directory` (with `environment` added to
/// this process's); standard output and error go to files there.
func start(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Required: without its files the output would go to the test's own and read back as nothing.
    for name in ["stdout", "stderr"] {
        try #require(FileManager.default.createFile(atPath: directory + "/" + name, contents: nil), "cannot create \(directory)/\(name)")
    }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/stdout"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/stderr"))
    try process.run()
    return process
}

/// Runs `backprop arguments` to the end: its exit status, standard output and error.
/// Output that cannot be read fails the test: read as "" it would satisfy
/// any check that the output lacks something.
func backprop(_ arguments: [String], in directory: String,
              environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
    let process = try start(arguments, in: directory, environment: environment)
    process.waitUntilExit()
    return (process.terminationStatus, try String(contentsOfFile: directory + "/stdout", encoding: .utf8),
            try String(contentsOfFile: directory + "/stderr", encoding: .utf8))
}

/// metrics.csv without its `seconds` column: what must be identical.
private func metricsWithoutTiming(_ folder: String) throws -> [String] {
    let lines = try String(contentsOfFile: folder + "/metrics.csv", encoding: .utf8).split(separator: "\n").map(String.init)
    let seconds = try #require(lines.first?.split(separator: ",").firstIndex(of: "seconds"))
    return lines.map { line in
        var cells = line.split(separator: ",", omittingEmptySubsequences: false)
        cells.remove(at: seconds)
        return cells.joined(separator: ",")
    }
}

/// The finished trials in a sweep's trials folder, which must exist: a
/// missing folder is a sweep that wrote no trials, not a count of zero.
private func trialFiles(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
}

/// How many trials a sweep that is starting has finished: its trials folder
/// may not exist yet. Only for waiting; counts that are checked use `trialFiles`.
private func trialsFinishedSoFar(_ folder: String) -> Int {
    (try? trialFiles(folder).count) ?? 0
}

/// Real processes: killed with SIGKILL and resumed, run as shards and merged,
/// judged by the CI gate. Serialized: they share the machine's two cores.
@Suite(.serialized) struct SweepProcessTests {
    /// 24 jobs of about 0.1 s: long enough to be killed in the middle.
    static let sweep = """
        name: resumable
        seeds: [1, 2, 3]
        dataset:
          moons: {samples: 300, noise: 0.2}
          split: {validation: 0.2}
        model:
          - dense: {units: 16}
          - tanh
          - dense: {units: 1}
        loss: bce_with_logits
        train:
          epochs: 60
          batch: 1
        runs:
          - {label: SGD, optimizer: sgd}
          - {label: momentum, optimizer: {sgd: {momentum: 0.9}}}
        sweep:
          grid: {optimizer.lr: [0.003, 0.01, 0.03, 0.1]}
        plots: [loss, sensitivity]
        """

    @Test func killedSweepsResumeAndShardsMergeToTheSameNumbers() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build the tool first: \(binary)")
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.sweep.write(toFile: root + "/sweep.yaml", atomically: true, encoding: .utf8)
        let whole = try backprop(["sweep", "sweep.yaml", "--plots", "whole"], in: root)
        #expect(whole.status == 0, "\(whole.errors)")
        #expect(whole.errors.contains("[24/24 done] "))
        let expected = try metricsWithoutTiming(root + "/whole/resumable")

        // Killed twice at different moments, then run to the end.
        let trials = root + "/killed/resumable/trials"
        for finishedBeforeKill in [3, 11] {
            let process = try start(["sweep", "sweep.yaml", "--plots", "killed"], in: root)
            let deadline = Date().addingTimeInterval(60)
            while trialsFinishedSoFar(trials) < finishedBeforeKill && process.isRunning && Date() < deadline { usleep(5_000) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "the sweep ended before it could be killed")
        }
        let killedAt = try trialFiles(trials).count
        #expect(killedAt >= 11 && killedAt < 24)
        // A killed writer's temporary file is never read, and is removed once it is old.
        let abandoned = trials + "/.0123456789abcdef.json.tmp-99999-1"
        #expect(FileManager.default.createFile(atPath: abandoned, contents: Data("{\"format\": ".utf8),
                                               attributes: [.modificationDate: Date().addingTimeInterval(-7200)]))
        #expect(!FileManager.default.fileExists(atPath: root + "/killed/resumable/metrics.csv"), "a killed sweep wrote no report")
        let resumed = try backprop(["sweep", "sweep.yaml", "--plots", "killed"], in: root)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.errors.contains("24 trial(s): \(killedAt) finished earlier and reused, \(24 - killedAt) to train"), "\(resumed.errors)")
        #expect(try metricsWithoutTiming(root + "/killed/resumable") == expected)
        let resumedReport = try String(contentsOfFile: root + "/killed/resumable/report.md", encoding: .utf8)
        #expect(resumedReport.contains(" of this invocation, which reused \(killedAt) of 24 finished trials"), "the wall time says it is not the trials'")
        #expect(try trialFiles(trials).count == 24)
        #expect(!FileManager.default.fileExists(atPath: abandoned), "an hour-old temporary file is removed")

        // Run again: nothing trains; edit one value: only its trials train.
        let again = try backprop(["sweep", "sweep.yaml", "--plots", "killed"], in: root)
        #expect(again.errors.contains("24 trial(s): 24 finished earlier and reused, 0 to train"))
        try Self.sweep.replacingOccurrences(of: "{label: momentum, optimizer: {sgd: {momentum: 0.9}}}", with: "{label: momentum, optimizer: {sgd: {momentum: 0.8}}}")
            .write(toFile: root + "/edited.yaml", atomically: true, encoding: .utf8)
        let edited = try backprop(["sweep", "edited.yaml", "--plots", "killed"], in: root)
        #expect(edited.errors.contains("24 trial(s): 12 finished earlier and reused, 12 to train"), "\(edited.errors)")

        // Three shards, as three processes, merged: the same numbers again.
        for index in 1...3 {
            let shard = try backprop(["sweep", "sweep.yaml", "--plots", "sharded", "--shard", "\(index)/3"], in: root)
            #expect(shard.status == 0 && shard.output.contains("sharded/resumable/shards/\(index)-of-3/report.md"), "\(shard.errors)")
        }
        let shards = (1...3).map { "sharded/resumable/shards/\($0)-of-3" }
        let missing = try backprop(["merge", shards[0], shards[2], "--plots", "sharded"], in: root)
        #expect(missing.status == 1 && missing.errors.hasPrefix("error: 8 of 24 trial(s) are in none of these folders: "), "\(missing.errors)")
        let merged = try backprop(["merge"] + shards + ["--plots", "sharded"], in: root)
        #expect(merged.status == 0, "\(merged.errors)")
        #expect(try metricsWithoutTiming(root + "/sharded/resumable") == expected)
        let digests = try [root + "/whole", root + "/sharded"].map { folder in
            try Summary.decode(try Data(contentsOf: URL(fileURLWithPath: folder + "/resumable/summary.json"))).resultsDigest
        }
        #expect(digests[0] == digests[1])

        let invalid = try backprop(["sweep", "sweep.yaml", "--shard", "3/2"], in: root)
        #expect(invalid.status == 2 && invalid.errors == "error: shard 3/2 does not exist: K in K/N counts from 1 to N (2 shards)\n")
    }

    /// The gate passes the same code and fails a deliberately slowed optimizer
    /// (same label, a tenth of the learning rate).
    @Test func theGateFailsASlowedOptimizer() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let experiment = """
            name: gated
            seeds: [1, 2, 3, 4, 5]
            dataset:
              moons: {samples: 200, noise: 0.1}
              split: {validation: 0.25}
            model:
              - dense: {units: 16}
              - tanh
              - dense: {units: 1}
            loss: bce_with_logits
            train:
              epochs: 150
              batch: 16
              stop: {loss_below: 0.25}
            runs:
              - {label: Adam, optimizer: {adam: {lr: 0.02}}}
              - {label: SGD, optimizer: {sgd: {lr: 0.2}}}
            plots: [loss]
            """
        try experiment.write(toFile: root + "/gated.yaml", atomically: true, encoding: .utf8)
        #expect(try backprop(["run", "gated.yaml", "--plots", "base"], in: root).status == 0)
        let update = try backprop(["check", "base/gated", "--baseline", "baseline.json", "--update"], in: root)
        #expect(update.status == 0 && update.output == "baseline: baseline.json (2 runs of gated)\n")
        let same = try backprop(["check", "base/gated", "--baseline", "baseline.json"], in: root)
        #expect(same.status == 0 && same.output.contains("no regression (4 comparisons)"), "\(same.output)")

        try experiment.replacingOccurrences(of: "{adam: {lr: 0.02}}", with: "{adam: {lr: 0.002}}")
            .write(toFile: root + "/gated.yaml", atomically: true, encoding: .utf8)
        #expect(try backprop(["run", "gated.yaml", "--plots", "slowed"], in: root).status == 0)
        let slowed = try backprop(["check", "slowed/gated", "--baseline", "baseline.json"], in: root)
        #expect(slowed.status == 1, "\(slowed.output)")
        let adam = slowed.output.split(separator: "\n").filter { $0.hasPrefix("Adam ") && $0.contains("epochs to target") }
        #expect(adam.count == 1 && adam[0].hasSuffix("REGRESSION"), "\(slowed.output)")
        #expect(slowed.output.split(separator: "\n").filter { $0.hasPrefix("SGD ") }.allSatisfy { $0.hasSuffix("same") })
        #expect(slowed.errors.hasPrefix("regression: 'Adam' epochs to target: "), "\(slowed.errors)")

        // A contender the baseline has and the results lack fails too.
        try experiment.replacingOccurrences(of: "  - {label: SGD, optimizer: {sgd: {lr: 0.2}}}\n", with: "")
            .write(toFile: root + "/gated.yaml", atomically: true, encoding: .utf8)
        #expect(try backprop(["run", "gated.yaml", "--plots", "fewer"], in: root).status == 0)
        let fewer = try backprop(["check", "fewer/gated", "--baseline", "baseline.json"], in: root)
        #expect(fewer.status == 1 && fewer.errors.contains("regression: 'SGD' is in the baseline but not in fewer/gated"), "\(fewer.errors)")
        // So does a quantity it no longer measures (no stop.loss_below: no epochs to target).
        try experiment.replacingOccurrences(of: "  stop: {loss_below: 0.25}\n", with: "")
            .write(toFile: root + "/gated.yaml", atomically: true, encoding: .utf8)
        #expect(try backprop(["run", "gated.yaml", "--plots", "untargeted"], in: root).status == 0)
        let untargeted = try backprop(["check", "untargeted/gated", "--baseline", "baseline.json"], in: root)
        #expect(untargeted.status == 1 && untargeted.errors.contains("'Adam' epochs to target is in the baseline but untargeted/gated does not measure it"),
                "\(untargeted.errors)")
        let noBaseline = try backprop(["check", "fewer/gated", "--baseline", "nowhere.json"], in: root)
        #expect(noBaseline.status == 2 && noBaseline.errors.hasPrefix("error: nowhere.json: no baseline here"))
    }
}
