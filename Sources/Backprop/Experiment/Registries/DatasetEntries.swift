/// Datasets by name: generators and files.
func registerBuiltInDatasets(in registry: Registry<any Dataset>) {
    registry.register("inline", summary: "samples written in the file: inputs (list of rows) and targets") { settings in
        let inputs = try settings.optionalMatrix("inputs")
        guard let inputs else { throw settings.problem("inline needs 'inputs' (a list of rows) and 'targets'") }
        let targets = try settings.inlineTargets("targets")
        let task = try settings.optionalString("task")
        if let task, !["classification", "regression"].contains(task) {
            throw settings.problem("task", "task must be classification or regression, found '\(task)'")
        }
        guard targets.count == inputs.count else {
            throw settings.problem("targets", "inline has \(inputs.count) inputs but \(targets.count) targets")
        }
        return InlineDataset(inputs: inputs, targets: targets, task: task)
    }
}
