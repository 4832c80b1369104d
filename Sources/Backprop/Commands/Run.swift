extension Commands {
    /// How `backprop sweep` runs: which shard, and whether finished trials are reused.
    public struct SweepOptions: Sendable {
        public var shard: ShardRequest?
        /// `--shards N`: the number of shards, for `--shard auto` under a
        /// scheduler that gives only the task's index.
        public var shardCount: Int?
        /// The process's environment, where `--shard auto` looks.
        public var environment: [String: String]
        /// `--force`: train every trial, even finished ones.
        public var force: Bool

        public init(shard: ShardRequest? = nil, shardCount: Int? = nil, environment: [String: String] = [:], force: Bool = false) {
            self.shard = shard
            self.shardCount = shardCount
            self.environment = environment
            self.force = force
        }
    }

    /// `backprop run FILE` (`sweep` nil: trains everything) and `backprop
    /// sweep FILE` (reuses finished trials unless forced, one shard if asked):
    /// trains every run x seed (of the shard) and writes OUTPUT_ROOT/NAME/ (a
    /// shard's into OUTPUT_ROOT/NAME/shards/K-of-N/), each trial into its
    /// `trials/` as it finishes. `jobs` runs train side by side (nil: one per core).
    public static func run(path: String, outputRoot: String, sweep: SweepOptions? = nil, jobs: Int? = nil,
                           progress: any RunProgress) throws -> CommandOutcome {
        let experiment = try LoadedExperiment(path: path)
        if sweep != nil && experiment.plan.sweepAxes.isEmpty {
            throw ExperimentError(file: path, message: "this experiment has no 'sweep:' section; use `backprop run`")
        }
        let shard = try sweep?.shard?.resolve(environment: sweep?.environment ?? [:], count: sweep?.shardCount)
        let root = outputRoot + "/" + experiment.plan.name
        let directory = shard.map { root + "/" + $0.folder } ?? root
        try OutputWriter.refuseLinks(inside: root)
        try OutputWriter.checkWritable(directory + "/" + TrialFolder.folderName)
        // The shard's own folder: shards of one sweep run side by side on a shared volume.
        let lock = try FolderLock(directory)
        defer { withExtendedLifetime(lock) {} }
        let trials = TrialFolder(directory: directory + "/" + TrialFolder.folderName, readFrom: TrialFolder.folders(inExperiment: root),
                                 experiment: experiment.plan.name)
        trials.removeAbandonedTemporaries()
        var options = experiment.runnerOptions(checkpoints: directory + "/checkpoints")
        options.trials = trials
        options.force = sweep?.force ?? true
        options.shard = shard
        if let jobs { options.cores = jobs }
        let result = try ExperimentRunner.run(experiment.plan, progress: progress, options: options)
        var outcome = written(try OutputWriter.write(result, to: directory), warnings: result.warnings)
        if result.reused > 0 {
            outcome.messages.insert("reused \(result.reused) finished trial(s) of \(result.runs.count) (--force trains them again)", at: 0)
        }
        if result.plan.failOnDivergence, result.runs.contains(where: { $0.history.diverged }) {
            outcome.messages.append("error: a run diverged and the experiment sets fail_on_divergence")
            outcome.status = 1
        }
        return outcome
    }

    /// What a command that wrote an output folder says: the warnings, charts
    /// that could not be drawn, and where the report is.
    static func written(_ written: OutputWriter.Outcome, warnings: [String] = []) -> CommandOutcome {
        var messages = (warnings + written.chartsNotDrawn).map { "warning: \($0)" }
        if written.gnuplotMissing {
            messages.append("warning: gnuplot not found: wrote the data and .gp scripts but no PNGs; install gnuplot-nox (make deps), then run `backprop plot \(written.directory)`")
        }
        messages += written.chartFailures.map { "warning: chart not drawn: \($0)" }
        return CommandOutcome(output: ["report: \(written.directory)/report.md"], messages: messages)
    }
}
