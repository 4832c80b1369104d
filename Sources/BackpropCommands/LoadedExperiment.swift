import BackpropOutput

/// An experiment as the commands take it: the plan, checked by the loader,
/// and the charts its `plots:` asks for, checked by the output's registry,
/// before anything trains or is written.
struct LoadedExperiment {
    var plan: ExperimentPlan
    let charts: [any Chart]

    init(path: String, catalog: Catalog) throws {
        try self.init(plan: ExperimentLoader(catalog: catalog).load(path: path))
    }

    init(plan: ExperimentPlan) throws {
        self.plan = plan
        charts = try Charts.requested(by: plan)
    }

    /// What the runner computes beyond training: decision grids when a chart
    /// draws them, checkpoint files in `checkpoints` when the file asks.
    func runnerOptions(checkpoints directory: String) -> ExperimentRunner.Options {
        let labels = plan.runs.map(\.label)
        let save: @Sendable (Checkpoint) throws -> Void = { checkpoint in
            try OutputWriter.makeDirectory(directory)
            let run = (labels.firstIndex(of: checkpoint.runLabel) ?? 0) + 1
            try CheckpointFile.write(checkpoint, to: directory + "/" + CheckpointFile.name(
                run: run, label: checkpoint.runLabel, seed: checkpoint.seed, epoch: checkpoint.epoch))
        }
        var options = ExperimentRunner.Options(decisionGrid: charts.contains { $0.needsDecisionGrid })
        options.saveCheckpoint = plan.checkpointEvery == nil ? nil : save
        return options
    }
}
