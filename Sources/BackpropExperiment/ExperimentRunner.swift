import Foundation
import BackpropTraining

/// Trains every run x seed of an experiment on the shared core and returns
/// the results in memory; writing them anywhere is the caller's business.
/// (So is checking `plots:`, which names charts of the output: `Commands`
/// checks them before a run, and asks for decision grids only when a chart
/// draws them.)
///
/// Jobs run side by side, one per core, with BLAS held to one thread each (many
/// small products gain nothing from threads and would fight over the cores); a
/// single job gets every core through BLAS. Data is loaded once, in the
/// experiment's precision, and shared read-only by all jobs.
public enum ExperimentRunner {
    public struct Options: Sendable {
        /// Predict each run's class over a grid of the input plane after
        /// training (2-D classification, first seed), for decision-boundary charts.
        public var decisionGrid: Bool
        /// With `checkpoint: {every: N}` in the file, receives the model and
        /// optimizer every N epochs and at the end (from the training threads).
        package var saveCheckpoint: (@Sendable (Checkpoint) throws -> Void)?
        public var cores: Int
        /// Finished trials: reused instead of trained (unless `force`), and
        /// each newly finished one saved there at once.
        package var trials: (any TrialStore)?
        /// Train every trial, even those the store has.
        public var force: Bool
        /// Run only this shard's jobs.
        package var shard: Shard?
        /// A shard with no jobs is normal (a suite's small phases), not a mistake.
        package var allowsEmptyShard = false
        /// Ctrl-C or SIGTERM: runs not finished by then are abandoned, and the
        /// result holds the finished ones, marked `partial`.
        package var interruption: Interruption?

        /// Checkpoints, trial stores, shards and interruption are set by the
        /// commands after this.
        public init(decisionGrid: Bool = false, cores: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false) {
            self.decisionGrid = decisionGrid
            self.cores = cores
            self.force = force
        }
    }

    public static func run(_ plan: ExperimentPlan, progress: any RunProgress = SilentProgress(), options: Options = Options()) throws
        -> ExperimentResult {
        switch plan.dtype {
        case .float32: return try run(plan, as: Float.self, progress: progress, options: options)
        case .float64: return try run(plan, as: Double.self, progress: progress, options: options)
        }
    }

    /// Checks the whole experiment without training: file, data, model, loss.
    /// Returns the warnings for a learner and what the data holds.
    public static func validate(_ plan: ExperimentPlan) throws -> (warnings: [String], shape: DataShape) {
        switch plan.dtype {
        case .float32:
            let data = try PreparedData<Float>(plan)
            return (data.warnings, data.shape)
        case .float64:
            let data = try PreparedData<Double>(plan)
            return (data.warnings, data.shape)
        }
    }

    static func run<Scalar: BLASScalar>(_ plan: ExperimentPlan, as scalar: Scalar.Type, progress: any RunProgress,
                                        options: Options) throws -> ExperimentResult {
        let clock = ContinuousClock()
        let start = clock.now
        let data = try PreparedData<Scalar>(plan)
        try checkStepLosses(plan, trainingSamples: data.train.count)
        let all = plan.runs.flatMap { run in
            plan.seeds.map { TrainingJob(plan: plan, run: run, seed: $0, options: options, dataDigest: data.dataDigest) }
        }
        let jobs = options.shard.map { shard in
            shard.select(all.map { Shard.Job(key: $0.key, cost: $0.estimatedCost(on: data)) }).map { all[$0] }
        } ?? all
        if let shard = options.shard, !options.allowsEmptyShard {
            guard !jobs.isEmpty else {
                throw ExperimentError(file: plan.file, message: "shard \(shard.index)/\(shard.count) has no jobs: the experiment has \(Set(all.map(\.key)).count) distinct trials (runs x seeds), fewer than \(shard.count) shards")
            }
        }
        let reused = jobs.map { job in options.force ? nil : job.reuse(from: options.trials) }
        // Two runs with the same settings are one trial: trained once, reported under both labels.
        var firstWithKey: [String: Int] = [:]
        for index in jobs.indices where reused[index] == nil && firstWithKey[jobs[index].key] == nil { firstWithKey[jobs[index].key] = index }
        let toTrain = firstWithKey.values.sorted()
        let reusedCount = reused.compactMap { $0 }.count
        progress.jobsPlanned(total: reusedCount + toTrain.count, reused: reusedCount)
        let trained = try JobPool(cores: options.cores).run(toTrain.count) { position -> RunResult? in
            if options.interruption?.isRequested == true { return nil }
            let job = jobs[toTrain[position]]
            progress.jobStarted(label: job.run.label, seed: job.seed, job: position, of: toTrain.count)
            guard let result = try job.train(on: data, progress: progress) else { return nil }
            try options.trials?.save(result)
            progress.jobFinished(result, job: position, of: toTrain.count)
            return result
        }
        var byKey: [String: RunResult] = [:]
        for (position, result) in zip(toTrain, trained) {
            if let result, byKey[jobs[position].key] == nil { byKey[jobs[position].key] = result }
        }
        let runs = jobs.indices.compactMap { index -> RunResult? in
            if let result = reused[index] { return result }
            guard var result = byKey[jobs[index].key] else { return nil }
            result.label = jobs[index].run.label
            return result
        }
        var result = ExperimentResult(
            plan: plan, runs: runs, featureNames: data.featureNames, classNames: data.classNames,
            trainingSamples: data.train.count, validationSamples: data.validation?.count ?? 0, testSamples: data.test?.count ?? 0,
            points: data.points, warnings: data.warnings + divergenceHints(plan, runs, data) + thinnedRecords(runs), wallSeconds: (clock.now - start).inSeconds,
            splits: data.splitRows, testSource: data.testSource, targetsScaled: data.targetScaling != nil,
            trials: all.map { PlannedTrial(label: $0.run.label, seed: $0.seed, key: $0.key) }, reused: reusedCount,
            blas: BLASKernel.description)
        result.trainedTrials = trained.compactMap { $0 }.count
        if let test = data.test, !data.isClassification {
            let rows = test.subset(0..<min(test.count, TestMetrics.storedPredictionRows))
            result.testTargets = TestMetrics.ownUnits(rows.targets, scaling: data.targetScaling)
            result.targetColumns = test.targets.columns
        }
        if let signal = options.interruption?.signal, runs.count < jobs.count {
            let finished = Set(runs.map { "\($0.label)\u{0}\($0.seed)" })
            let missing = jobs.filter { !finished.contains("\($0.run.label)\u{0}\($0.seed)") }
            result.partial = "stopped by \(Interruption.describe(signal)): \(missing.count) of \(jobs.count) trial(s) did not finish: "
                + TrialList.describe(missing.map { ($0.run.label, $0.seed) })
        }
        // Fitted once, after training, unless Ctrl-C stopped it (the bars of a partial set can wait).
        if result.partial == nil {
            if BaselineFit.work(data) > BaselineFit.announcedWork {
                progress.phaseStarted("baselines: fitting \(data.isClassification ? "the majority class and a logistic regression" : "the mean and a ridge regression") on \(data.train.count) × \(data.train.features)")
            }
            result.baselines = BaselineFit.all(data)
        }
        return result
    }

    /// Runs longer than `TrainingHistory.maximumRecords` epochs, whose
    /// metrics.csv and charts hold every n-th epoch: said once per label.
    static func thinnedRecords(_ runs: [RunResult]) -> [String] {
        var said = Set<String>()
        return runs.compactMap { run in
            guard let every = run.history.recordedEvery, said.insert(run.label).inserted else { return nil }
            return "run '\(run.label)' keeps every \(every)th epoch's record (and the last): a run keeps at most \(TrainingHistory.maximumRecords)"
        }
    }

    /// The most mini-batch losses a run with `record_steps` keeps (8 MB).
    package static let maximumStepLosses = 1_000_000

    /// Refuses, before training, a run whose `record_steps` would keep more
    /// than `maximumStepLosses` losses: memory stays proportional to what is kept.
    static func checkStepLosses(_ plan: ExperimentPlan, trainingSamples: Int) throws {
        for run in plan.runs where run.recordSteps {
            let batch = run.batch.resolved(datasetSize: trainingSamples)
            let steps = Double(run.epochs) * Double((trainingSamples + batch - 1) / max(batch, 1))
            guard steps <= Double(maximumStepLosses) else {
                throw ExperimentError(file: plan.file, message: "run '\(run.label)' with record_steps would keep \(formatSignificant(steps, digits: 3)) step losses (epochs x steps per epoch); at most \(maximumStepLosses): fewer epochs, larger batches, or no record_steps")
            }
        }
    }

    /// A regression that diverged with unscaled targets: the likely cause, said once.
    static func divergenceHints<Scalar: BLASScalar>(_ plan: ExperimentPlan, _ results: [RunResult], _ data: PreparedData<Scalar>) -> [String] {
        guard data.classNames == nil, data.targetScaling == nil, results.contains(where: { $0.history.diverged }) else { return [] }
        let targets = data.train.targets.storage.map(Double.init)
        let mean = targets.reduce(0, +) / Double(max(targets.count, 1))
        let spread = (targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(targets.count, 1))).squareRoot()
        guard spread > 10 || abs(mean) > 10 else { return [] }
        return ["a run diverged on unscaled regression targets (mean \(formatSignificant(mean, digits: 3)), std \(formatSignificant(spread, digits: 3))): add `scale_target: standardize` to the dataset"]
    }
}
