import BackpropOutput

extension Commands {
    /// How `backprop sweep` runs: which shard, and whether finished trials are reused.
    package struct SweepOptions: Sendable {
        package var shard: ShardRequest?
        /// `--shards N`: the number of shards, for `--shard auto` under a
        /// scheduler that gives only the task's index.
        package var shardCount: Int?
        /// The process's environment, where `--shard auto` looks.
        package var environment: [String: String]
        /// `--force`: train every trial, even finished ones.
        package var force: Bool

        package init(shard: ShardRequest? = nil, shardCount: Int? = nil, environment: [String: String] = [:], force: Bool = false) {
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
    /// `interruption`: Ctrl-C or SIGTERM; the finished runs are written as a
    /// partial set (nothing, when none finished) and the status is the shell's.
    package func run(path: String, outputRoot: String, sweep: SweepOptions? = nil, jobs: Int? = nil,
                           progress: any RunProgress, interruption: Interruption? = nil) throws -> CommandOutcome {
        let experiment = try LoadedExperiment(path: path, catalog: catalog)
        if sweep != nil && experiment.plan.sweepAxes.isEmpty {
            throw ExperimentError(file: path, message: "this experiment has no 'sweep:' section; use `backprop run`")
        }
        let shard = try sweep?.shard?.resolve(environment: sweep?.environment ?? [:], count: sweep?.shardCount)
        let root = outputRoot + "/" + experiment.plan.name
        let directory = shard.map { root + "/" + $0.folder } ?? root
        try OutputWriter.refuseLinks(inside: root)
        try OutputWriter.checkWritable(directory + "/" + TrialFolder.folderName)
        // The shard's own folder, and the experiment's beside the other shards: shards of one sweep
        // run side by side on a shared volume, but not beside a command replacing the experiment's set.
        let experimentLock = shard == nil ? nil : try FolderLock(root, shared: true)
        let lock = try FolderLock(directory)
        defer { withExtendedLifetime((experimentLock, lock)) {} }
        // Checkpoints are written into the new set while training: old ones go with the old set.
        let set = try OutputSet(replacing: directory)
        let trials = TrialFolder(directory: directory + "/" + TrialFolder.folderName, readFrom: TrialFolder.folders(inExperiment: root),
                                 experiment: experiment.plan.name,
                                 version: Version.description(of: experiment.plan.catalog))
        trials.removeAbandonedTemporaries()
        var options = experiment.runnerOptions(checkpoints: set.staging + "/" + CheckpointFile.folderName)
        options.trials = trials
        options.force = sweep?.force ?? true
        options.shard = shard
        if let jobs { options.cores = jobs }
        options.interruption = interruption
        let result = try ExperimentRunner.run(experiment.plan, progress: progress, options: options)
        if let signal = interruption?.signal, result.partial != nil, result.runs.isEmpty {
            return CommandOutcome(messages: ["stopped by \(Interruption.describe(signal)) before any run finished: nothing written (what \(directory) held is unchanged)"],
                                  status: Interruption.exitStatus(for: signal))
        }
        var outcome = Self.written(try OutputWriter.write(result, into: set), warnings: result.warnings)
        if let signal = interruption?.signal, let partial = result.partial {
            outcome.messages.append("\(partial); wrote the \(result.runs.count) finished one(s) as a partial set" + (sweep == nil ? "" : " (run the sweep again: finished trials are reused)"))
            outcome.status = Interruption.exitStatus(for: signal)
            return outcome
        }
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
    /// that could not be drawn, and where the report is. The output root's
    /// index.html is written again to list it (a shard's folder is listed by
    /// its experiment once merged).
    static func written(_ written: OutputWriter.Outcome, warnings: [String] = []) -> CommandOutcome {
        var messages = (warnings + written.chartsNotDrawn).map { "warning: \($0)" }
        // Experiments are listed from their output root, suites from the one above OUTPUT_ROOT/suites.
        let parent = parentFolder(of: written.directory)
        let above = parent == "suites" ? "" : parent.hasSuffix("/suites") ? parentFolder(of: parent) : parent
        let root = above.isEmpty ? "." : above
        if !root.hasSuffix("/" + Shard.folderName) && root != Shard.folderName {
            do {
                try IndexPage.write(root: root)
            } catch {
                messages.append("warning: \(root)/\(IndexPage.name) not written: \(error)")
            }
        }
        if written.gnuplotMissing {
            messages.append("warning: gnuplot not found: wrote the data and .gp scripts but no PNGs; install gnuplot-nox (make deps), then run `backprop plot \(written.directory)`")
        }
        messages += written.chartFailures.map { "warning: chart not drawn: \($0)" }
        return CommandOutcome(output: ["report: \(written.directory)/report.md"], messages: messages)
    }
}
