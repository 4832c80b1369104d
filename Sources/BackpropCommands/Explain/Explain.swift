import BackpropOutput

extension Commands {
    /// `backprop explain [FILE]`: the worked example, forward and backward,
    /// weight by weight: the lesson's network on (input, target), or FILE's
    /// model (dense layers and activations, one output) on its first sample.
    package func explain(path: String?, input: Double, target: Double, learningRate: Double?) throws -> CommandOutcome {
        let example = try path.map { try explain(experiment: $0, learningRate: learningRate) }
            ?? WorkedExample(model: WorkedExample.lessonModel(), input: [input], target: target, learningRate: learningRate ?? 0.01)
        return CommandOutcome(output: [example.render()])
    }

    func explain(experiment path: String, learningRate: Double?) throws -> WorkedExample {
        let plan = try ExperimentLoader(catalog: catalog).load(path: path)
        let data = try PreparedData<Double>(plan)
        var random = RandomGenerator(seed: plan.seeds.first ?? 1)
        let model: Sequential<Double> = try ModelBuilder.build(plan, inputSize: data.train.features, random: &random)
        let rate = learningRate ?? plan.runs.first?.optimizer.learningRate ?? 0.01
        do {
            return try WorkedExample(model: model, input: data.train.inputs.row(0), target: data.train.targets.storage[0], learningRate: rate)
        } catch let problem as WorkedExample.Problem {
            throw ExperimentError(file: path, message: problem.description)
        }
    }
}
