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

/// An output folder is replaced as a whole or not at all: no stale file
/// survives a new set, a kill or a full disk leaves the previous set whole,
/// what a stopped command left is finished by the next, and Ctrl-C or
/// SIGTERM writes the finished runs as a partial set.
@Suite(.serialized) struct OutputSetTests {
    /// Two runs of 2 epochs (different, or they would be one trial) and one
    /// of many: Ctrl-C lands after the first two finished and while the third trains.
    static let slowLast = """
        name: slow
        seeds: [1]
        dataset: {moons: {samples: 400, noise: 0.2}}
        model: [{dense: {units: 16}}, tanh, {dense: {units: 1}}]
        loss: bce_with_logits
        train: {batch: 1, optimizer: {adam: {lr: 0.01}}}
        runs:
          - {label: quick, epochs: 2}
          - {label: also-quick, epochs: 2, optimizer: {adam: {lr: 0.02}}}
          - {label: long, epochs: 100000}
        plots: [loss]
        """

    /// The names in `folder`, which must exist: read as no names, a missing
    /// folder would pass every check that something is gone from it.
    static func entries(_ folder: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder))
    }

    /// Whether the folder's files are one set: metrics.csv is what the
    /// results.json beside it renders (its seconds differ between runs).
    static func isOneSet(_ folder: String) throws -> Bool {
        let result = try ResultsFile.read(directory: folder, catalog: .builtIn)
        let metrics = try String(contentsOfFile: folder + "/metrics.csv", encoding: .utf8)
        let summary = try Summary.decode(try Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
        return MetricsCSV.render(result) == metrics && summary.runs.count == result.plan.runs.count
    }

    @Test func aNewSetLeavesNothingOfTheOldOne() throws {
        let root = try temporaryDirectory()
        let path = root + "/x.yaml"
        try (validExperiment + "\nplots: [loss, decision_boundary]\ncheckpoint: {every: 2}\n").write(toFile: path, atomically: true, encoding: .utf8)
        _ = try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        let first = try Self.entries(root + "/plots/check")
        #expect(first.contains("decision_boundary.gp") && first.contains("boundary_1.dat") && first.contains(CheckpointFile.folderName))
        // `plot` redraws from the results: the checkpoints, made by training, stay.
        _ = try Commands(catalog: .builtIn).plot(directory: root + "/plots/check")
        #expect(try Self.entries(root + "/plots/check/checkpoints").count == 3)
        try (validExperiment + "\nplots: [loss]\n").write(toFile: path, atomically: true, encoding: .utf8)
        _ = try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        let second = try Self.entries(root + "/plots/check")
        #expect(second.isDisjoint(with: ["decision_boundary.gp", "boundary_1.dat", "points.dat", CheckpointFile.folderName]), "\(second)")
        #expect(second.contains("loss.gp") && second.contains("report.md"))
        #expect(try Self.isOneSet(root + "/plots/check"))
        // Nothing beside it either: the staged folder became the set, the previous one is gone.
        #expect(try Self.entries(root + "/plots") == ["check", IndexPage.name])
    }

    @Test func aSetNeverCommittedChangesNothing() throws {
        let root = try temporaryDirectory()
        let folder = root + "/set"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/report.md", atomically: true, encoding: .utf8)
        do {
            let set = try OutputSet(replacing: folder)
            try AtomicFile.write("new", to: set.staging + "/report.md")
            #expect(try Self.entries(root).count == 2)
        }
        #expect(try String(contentsOfFile: folder + "/report.md", encoding: .utf8) == "old")
        #expect(try Self.entries(root) == ["set"])
    }

    /// A command killed after the swap but before it moved the trials over:
    /// the next one moves them. One killed before the swap left a staged set
    /// (with checkpoints of its own): that goes, and nothing of it is carried.
    @Test func whatAStoppedCommandLeftIsFinishedByTheNext() throws {
        let root = try temporaryDirectory()
        let folder = root + "/exp"
        let previous = root + "/.exp.new-previous", abandoned = root + "/.exp.new-abandoned"
        for path in [folder, previous + "/trials", abandoned + "/checkpoints"] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        try "trial".write(toFile: previous + "/trials/key.json", atomically: true, encoding: .utf8)
        try "trials\nshards".write(toFile: previous + "/" + OutputSet.carryMarker, atomically: true, encoding: .utf8)
        try "stale".write(toFile: previous + "/report.md", atomically: true, encoding: .utf8)
        try "half".write(toFile: abandoned + "/checkpoints/run1.checkpoint", atomically: true, encoding: .utf8)
        try "trials\ncheckpoints".write(toFile: folder + "/" + OutputSet.carryMarker, atomically: true, encoding: .utf8)
        let set = try OutputSet(replacing: folder)
        #expect(try String(contentsOfFile: folder + "/trials/key.json", encoding: .utf8) == "trial")
        #expect(try Self.entries(folder) == ["trials"])
        #expect(try Self.entries(root) == ["exp", String(set.staging.split(separator: "/").last!)])
        try set.commit(carrying: OutputWriter.carriedOver)
        #expect(try Self.entries(folder) == ["trials"])
        #expect(try Self.entries(root) == ["exp"])
    }

    /// A leftover still locked belongs to a live command (on a shared volume,
    /// perhaps another machine's): it is not touched.
    @Test func aLeftoverInUseIsLeftAlone() throws {
        let root = try temporaryDirectory()
        let folder = root + "/exp", live = root + "/.exp.new-live"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lock = try FolderLock(live)
        _ = try OutputSet(replacing: folder)
        #expect(try Self.entries(root) == ["exp", ".exp.new-live"])
        withExtendedLifetime(lock) {}
    }

    /// Shards hold the experiment's folder shared, beside one another; a
    /// command replacing its set (run, merge, plot) must wait for them.
    @Test func shardsShareTheExperimentsFolderButExcludeItsWriters() throws {
        let root = try temporaryDirectory()
        let path = root + "/x.yaml"
        try validExperiment.write(toFile: path, atomically: true, encoding: .utf8)
        let shard = try FolderLock(root + "/plots/check", shared: true)
        let other = try FolderLock(root + "/plots/check", shared: true)
        let error = #expect(throws: OutputError.self) {
            try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        }
        #expect(error?.description.contains("is in use") == true)
        withExtendedLifetime((shard, other)) {}
    }

    @Test func aCheckpointPlanOfTooManyFilesIsRefused() {
        let text = validExperiment.replacingOccurrences(of: "epochs: 5", with: "epochs: 20000") + "\nseeds: [1, 2, 3]\ncheckpoint: {every: 1}\n"
        let message = parseError(text.replacingOccurrences(of: "seeds: [1]\n", with: ""))
        #expect(message.contains("exp.yaml:") && message.contains("would write up to 60000 files") && message.contains("at most 10000"), "\(message)")
    }

    /// max_seconds bounds the run's wall time: evaluation and checkpoints
    /// (here a slow epoch callback) count, not only the training steps.
    @Test func maxSecondsCountsTimeOutsideTheSteps() {
        let data = DataSplit(inputs: Matrix<Double>(rows: 4, columns: 2, storage: [0, 0, 0, 1, 1, 0, 1, 1]), targets: Matrix(column: [0, 1, 1, 0]))
        let trainer = Trainer(model: xorModel(seed: 1), loss: MeanSquaredError(), optimizer: try! optimizer("sgd", ["lr": 0.01]),
                              configuration: TrainingConfiguration(epochs: 1000, batchSize: .full, shuffle: false,
                                                                   stopping: StoppingCriteria(maxSeconds: 0.2)))
        let history = trainer.train(on: data) { _ in Thread.sleep(forTimeInterval: 0.02) }
        #expect(history.stopReason == .timeLimit)
        #expect(history.records.count < 20, "\(history.records.count) epochs")
        #expect((history.last?.seconds ?? 1) < 0.1)  // the steps themselves took almost nothing
    }

    /// In the library: an interruption requested once the first run is
    /// finished leaves the others unfinished, and the result says which.
    @Test func anInterruptedExperimentHoldsItsFinishedRunsAndSaysWhichAreMissing() throws {
        let plan = try ExperimentLoader(catalog: .builtIn).parse(Self.slowLast, file: "slow.yaml")
        let interruption = Interruption()
        var options = ExperimentRunner.Options(cores: 1)
        options.interruption = interruption
        let result = try ExperimentRunner.run(plan, progress: InterruptAfterJobs(count: 2, interruption: interruption), options: options)
        #expect(result.runs.map(\.label) == ["quick", "also-quick"])
        #expect(result.partial == "stopped by Ctrl-C (SIGINT): 1 of 3 trial(s) did not finish: 'long' seed 1")
        let report = Report.render(result, summary: Summary(result), charts: [])
        #expect(report.contains("> **Partial results**: stopped by Ctrl-C (SIGINT): 1 of 3"))
        let decoded = try ResultsFile.decoder(catalog: .builtIn).decode(ExperimentResult.self, from: try ResultsFile.encode(result))
        #expect(decoded.partial == result.partial)
    }

    /// The real program: Ctrl-C and SIGTERM once two runs are finished write
    /// them as a partial set and exit 130 and 143; Ctrl-C before any run
    /// finished writes nothing and leaves no folder.
    @Test func signalsWriteTheFinishedRunsAsAPartialSet() throws {
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            let root = try temporaryDirectory()
            try Self.slowLast.write(toFile: root + "/slow.yaml", atomically: true, encoding: .utf8)
            let process = try start(["run", "slow.yaml", "--jobs", "1"], in: root)
            try Self.wait(for: "[2/3 done", in: root + "/stderr")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let errors = try String(contentsOfFile: root + "/stderr", encoding: .utf8)
            #expect(process.terminationStatus == status, "\(errors)")
            #expect(errors.contains("1 of 3 trial(s) did not finish: 'long' seed 1; wrote the 2 finished one(s) as a partial set"), "\(errors)")
            let report = try String(contentsOfFile: root + "/plots/slow/report.md", encoding: .utf8)
            #expect(report.contains("**Partial results**"))
            #expect(try ResultsFile.read(directory: root + "/plots/slow", catalog: .builtIn).runs.count == 2)
        }
        let root = try temporaryDirectory()
        try Self.slowLast.replacingOccurrences(of: "epochs: 2}", with: "epochs: 100000}").write(toFile: root + "/slow.yaml", atomically: true, encoding: .utf8)
        let process = try start(["run", "slow.yaml", "--jobs", "1"], in: root)
        // The folder is made (and held) before training starts.
        while !FileManager.default.fileExists(atPath: root + "/plots/slow") { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try String(contentsOfFile: root + "/stderr", encoding: .utf8).contains("before any run finished: nothing written"))
        #expect(try Self.entries(root) == ["slow.yaml", "stdout", "stderr"])
    }

    /// A full disk (here a file-size limit): exit 3, and the previous set is
    /// whole and unchanged, with nothing left beside it.
    @Test func aWriteFailureLeavesThePreviousSetWhole() throws {
        let root = try temporaryDirectory()
        try (validExperiment + "\nplots: [loss]\n").write(toFile: root + "/x.yaml", atomically: true, encoding: .utf8)
        let before = try backprop(["run", "x.yaml"], in: root)
        #expect(before.status == 0, "\(before.errors)")
        let metrics = try String(contentsOfFile: root + "/plots/check/metrics.csv", encoding: .utf8)
        let files = try Self.entries(root + "/plots/check")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 1; exec \"$0\" run x.yaml 2> stderr", binary]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        try process.run()
        process.waitUntilExit()
        let errors = try String(contentsOfFile: root + "/stderr", encoding: .utf8)
        #expect(process.terminationStatus == 3, "\(errors)")
        #expect(errors.hasPrefix("error: ") && errors.contains("cannot write") && errors.split(separator: "\n").count == 1, "\(errors)")
        #expect(try String(contentsOfFile: root + "/plots/check/metrics.csv", encoding: .utf8) == metrics)
        #expect(try Self.entries(root + "/plots/check") == files)
        #expect(try Self.entries(root + "/plots") == ["check", IndexPage.name])
        #expect(try Self.isOneSet(root + "/plots/check"))
    }

    /// Killed at any moment, a command leaves either the previous set or the
    /// new one, whole: never one's metrics beside the other's results.
    @Test func aKillAtAnyMomentLeavesOneWholeSet() throws {
        let root = try temporaryDirectory()
        let text = validExperiment.replacingOccurrences(of: "seeds: [1]", with: "seeds: [1, 2, 3, 4, 5, 6]")
            .replacingOccurrences(of: "epochs: 5", with: "epochs: 200") + "\nplots: [loss, accuracy, grad_norm, decision_boundary]\n"
        try text.write(toFile: root + "/x.yaml", atomically: true, encoding: .utf8)
        #expect(try backprop(["run", "x.yaml"], in: root).status == 0)
        for delay in stride(from: 0.05, through: 0.8, by: 0.075) {
            let process = try start(["run", "x.yaml"], in: root)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try Self.isOneSet(root + "/plots/check"), "killed after \(delay) s")
        }
        // The next command clears what the killed ones left beside the folder.
        #expect(try backprop(["run", "x.yaml"], in: root).status == 0)
        #expect(try Self.entries(root + "/plots") == ["check", IndexPage.name])
    }

    /// Two real processes on one experiment at once: one writes, the other
    /// says in one line that the folder is in use; the folder holds one whole set.
    @Test func twoProcessesOnOneFolderDoNotInterleave() throws {
        let root = try temporaryDirectory()
        let text = validExperiment.replacingOccurrences(of: "epochs: 5", with: "epochs: 20000") + "\nplots: [loss]\n"
        try text.write(toFile: root + "/x.yaml", atomically: true, encoding: .utf8)
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: root + "/x.yaml", toPath: root + "/\(folder)/x.yaml")
        }
        let first = try start(["run", "x.yaml", "--plots", root + "/plots"], in: root + "/a")
        while !FileManager.default.fileExists(atPath: root + "/plots/check") { Thread.sleep(forTimeInterval: 0.005) }
        let second = try backprop(["run", "x.yaml", "--plots", root + "/plots"], in: root + "/b")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.status == 2 && second.errors.contains("is in use by another backprop command"), "\(second.errors)")
        #expect(try Self.isOneSet(root + "/plots/check"))
    }

    static func wait(for text: String, in file: String, timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let contents = try? String(contentsOfFile: file, encoding: .utf8), contents.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("'\(text)' did not appear in \(file)")
    }
}

/// Requests an interruption once `count` jobs have finished.
private struct InterruptAfterJobs: RunProgress {
    let count: Int
    let interruption: Interruption
    private let finished = Counter()

    init(count: Int, interruption: Interruption) {
        self.count = count
        self.interruption = interruption
    }

    func jobsPlanned(total: Int, reused: Int) {}
    func jobStarted(label: String, seed: UInt64, job: Int, of total: Int) {}
    func epochFinished(label: String, seed: UInt64, record: EpochRecord, epochs: Int) {}
    func jobFinished(_ result: RunResult, job: Int, of total: Int) {
        if finished.increment() == count { interruption.request(signal: SIGINT) }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
