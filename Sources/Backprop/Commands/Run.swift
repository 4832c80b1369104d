extension Commands {
    /// `backprop run FILE` and `backprop sweep FILE [--shard K/N]`: trains
    /// every run x seed (of the shard) and writes OUTPUT_ROOT/NAME/ (a shard's
    /// into OUTPUT_ROOT/NAME/shards/K-of-N/).
    public static func run(path: String, outputRoot: String, shard: Shard? = nil, requireSweep: Bool = false,
                           progress: any RunProgress) throws -> CommandOutcome {
        var experiment = try LoadedExperiment(path: path)
        if requireSweep && experiment.plan.sweepAxes.isEmpty {
            throw ExperimentError(file: path, message: "this experiment has no 'sweep:' section; use `backprop run`")
        }
        var directory = outputRoot + "/" + experiment.plan.name
        try OutputWriter.checkWritable(directory)
        if let shard {
            experiment.plan.runs = shard.select(experiment.plan.runs)
            guard !experiment.plan.runs.isEmpty else {
                throw ExperimentError(file: path, message: "shard \(shard.index)/\(shard.count) has no runs (the experiment has fewer runs than shards)")
            }
            directory += "/" + shard.folder
        }
        let result = try ExperimentRunner.run(experiment.plan, progress: progress,
                                              options: experiment.runnerOptions(checkpoints: directory + "/checkpoints"))
        var outcome = written(try OutputWriter.write(result, to: directory), warnings: result.warnings)
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
