import Foundation
import BackpropOutput

/// Runs a suite's protocol on the sweep engine: per problem, the tuning
/// trials (every contender over the tuning space, the tuning seed), the
/// choice of each contender's setting by validation score, and the reruns of
/// that setting with the rerun seeds, judged on the test split. Every trial
/// is content-addressed in the problem's `trials/` folder, so a killed suite
/// resumes where it stopped, and shards write folders of their own whose
/// union is the whole suite.
package enum SuiteRunner {
    package struct Options: Sendable {
        package var shard: Shard?
        package var force: Bool
        /// Jobs side by side; nil: one per core.
        package var jobs: Int?
        /// Ctrl-C or SIGTERM: the phase in progress stops, its finished trials kept.
        package var interruption: Interruption?

        package init(shard: Shard? = nil, force: Bool = false, jobs: Int? = nil) {
            self.shard = shard
            self.force = force
            self.jobs = jobs
        }
    }

    package struct Outcome: Sendable {
        /// Nil until every problem's reruns are finished (a shard's are not, alone).
        package var scores: SuiteScores?
        /// Each problem's tuning and rerun results, where they are complete.
        package var phases: [(problem: SuiteProblem, tuning: ExperimentResult, rerun: ExperimentResult)]
        /// What is still missing, one line per problem and phase.
        package var waiting: [String]
        package var trained: Int
        package var reused: Int
    }

    /// The output folder of `problem`: OUTPUT_ROOT/SUITE/PROBLEM.
    package static func folder(of problem: String, suite: String, outputRoot: String) -> String {
        outputRoot + "/" + suite + "/" + problem
    }

    package static func run(_ suite: SuitePlan, outputRoot: String, options: Options = Options(),
                           progress: any RunProgress = SilentProgress()) throws -> Outcome {
        try checkData(suite)
        try OutputWriter.refuseLinks(inside: outputRoot + "/" + suite.name)
        // Unsharded, the whole suite folder (it writes the report); a shard, its own folders, one problem at a time.
        try OutputWriter.checkWritable(outputRoot + "/" + suite.name)
        // Shards share it with one another, but not with a command that replaces the suite's report.
        let lock = try FolderLock(outputRoot + "/" + suite.name, shared: options.shard != nil)
        defer { withExtendedLifetime(lock) {} }
        var outcome = Outcome(scores: nil, phases: [], waiting: [], trained: 0, reused: 0)
        for problem in suite.problems where options.interruption?.isRequested != true {
            let root = folder(of: problem.name, suite: suite.name, outputRoot: outputRoot)
            let directory = options.shard.map { root + "/" + $0.folder } ?? root
            try OutputWriter.checkWritable(directory + "/" + TrialFolder.folderName)
            let shardLock = options.shard == nil ? nil : try FolderLock(directory)
            defer { withExtendedLifetime(shardLock) {} }
            let folder = TrialFolder(directory: directory + "/" + TrialFolder.folderName,
                                     readFrom: TrialFolder.folders(inExperiment: root), experiment: problem.name,
                                     version: Version.description(of: problem.tuning.catalog))
            folder.removeAbandonedTemporaries()
            // --force trains every trial once: the reruns still reuse the tuning trials trained a moment ago.
            let trials: any TrialStore = options.force ? TrialsOfThisRun(folder) : folder
            func phase(_ plan: ExperimentPlan, _ name: String) throws -> ExperimentResult? {
                var runner = ExperimentRunner.Options()
                runner.trials = trials
                runner.shard = options.shard
                runner.allowsEmptyShard = true
                if let jobs = options.jobs { runner.cores = jobs }
                runner.interruption = options.interruption
                progress.phaseStarted("\(problem.name): \(name)")
                let result = try ExperimentRunner.run(plan, progress: progress, options: runner)
                outcome.reused += result.reused
                outcome.trained += result.trainedTrials
                if result.partial != nil {
                    outcome.waiting.append("\(problem.name) \(name): stopped before its end")
                    return nil
                }
                let missing = result.trials.filter { trials.load(key: $0.key) == nil }.count
                guard missing == 0 else {
                    outcome.waiting.append("\(problem.name) \(name): \(missing) of \(result.trials.count) trial(s) are other shards'")
                    return nil
                }
                // A shard's result holds its own trials; the whole phase, all reused, holds every one.
                var whole = result
                if options.shard != nil {
                    runner.shard = nil
                    whole = try ExperimentRunner.run(plan, options: runner)
                }
                _ = try OutputWriter.write(whole, to: directory + "/" + name)
                return whole
            }
            guard let tuning = try phase(problem.tuning, "tuning") else { continue }
            let rerunPlan = try problem.rerunPlan(chosen: chosenRuns(tuning, target: problem.target), seeds: suite.rerunSeeds)
            guard let rerun = try phase(rerunPlan, "rerun") else { continue }
            outcome.phases.append((problem, tuning, rerun))
        }
        if outcome.phases.count == suite.problems.count {
            outcome.scores = try SuiteScores(suite: suite, phases: outcome.phases)
        }
        return outcome
    }

    /// Loads every problem's data before anything trains: a missing file, a
    /// missing test set or a target that does not fit the problem is an error
    /// at its place in the suite file, not a failure after tuning.
    static func checkData(_ suite: SuitePlan) throws {
        for problem in suite.problems {
            let shape = try ExperimentRunner.validate(problem.checked).shape
            guard shape.testSamples > 0 else {
                throw problem.checked.datasetPosition.error("problem '\(problem.name)' has no test set to judge the reruns on: give its dataset split: {validation: ..., test: ...}")
            }
            switch (problem.target.metric, shape.classes) {
            case (.validationAccuracy, nil):
                throw problem.targetPosition.error("target val_accuracy needs a classification problem; '\(problem.name)' is a regression: use val_rmse or val_loss")
            case (.validationRMSE, .some):
                throw problem.targetPosition.error("target val_rmse needs a regression problem; '\(problem.name)' is a classification: use val_accuracy or val_loss")
            default:
                break
            }
        }
    }

    /// Each contender's best tuning run, on the validation split only, as a
    /// sweep chooses (`SweepScores.ranked`): fewest diverged seeds, then the
    /// best mean final validation score; among equal scores (an easy
    /// problem's accuracy is often 1.0 at several rates), the one that
    /// reached the problem's validation target first, then the lower final
    /// validation loss, then the file's order.
    static func chosenRuns(_ tuning: ExperimentResult, target: ProblemTarget) -> [RunPlan] {
        guard let scores = SweepScores(tuning) else {
            // No tuning space: each contender has one run, which is its setting.
            return tuning.plan.runs
        }
        let ranked = scores.ranked { entry in tuning.results(for: entry.run.label).map { target.firstReached(in: $0.history)?.epoch } }
        return scores.contenders.compactMap { contender in ranked.first { $0.run.contender == contender }?.run }
    }
}

/// A trial store that reuses only trials saved through it, so `--force`
/// trains each trial once per invocation (never again for the reruns) and
/// still ignores what earlier invocations left.
final class TrialsOfThisRun: TrialStore, @unchecked Sendable {
    private let folder: TrialFolder
    private let lock = NSLock()
    private var saved = Set<String>()

    init(_ folder: TrialFolder) { self.folder = folder }

    func load(key: String) -> RunResult? {
        lock.lock()
        let isOurs = saved.contains(key)
        lock.unlock()
        return isOurs ? folder.load(key: key) : nil
    }

    func save(_ result: RunResult) throws {
        try folder.save(result)
        lock.lock()
        defer { lock.unlock() }
        if let key = result.trialKey { saved.insert(key) }
    }
}
