import BackpropOutput

extension Commands {
    /// `backprop validate FILE`: checks the file, its data, its model and its
    /// charts without training; prints the warnings and a one-line summary.
    package func validate(path: String) throws -> CommandOutcome {
        let plan = try LoadedExperiment(path: path, catalog: catalog).plan
        let (dataWarnings, shape) = try ExperimentRunner.validate(plan)
        let warnings = dataWarnings + (try Charts.unavailable(for: plan, data: shape))
        let summary = "\(path): ok — \(plan.runs.count) run(s) x \(plan.seeds.count) seed(s), model \(plan.model.map(\.name).joined(separator: " → ")), loss \(plan.lossName), \(plan.dtype.rawValue)"
        return CommandOutcome(output: warnings.map { "warning: \($0)" } + [summary])
    }
}
