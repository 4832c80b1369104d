import BackpropOutput

extension Commands {
    /// The largest model `gradcheck FILE` checks (a few seconds on one core).
    package static let maximumGradientCheckWeights = 100_000

    /// `backprop gradcheck [FILE]`: finite-difference checks of the built-in
    /// suite, or of FILE's own model on a few of its samples (in float64).
    /// Status 1 when any check fails.
    package func gradientCheck(path: String?) throws -> CommandOutcome {
        if let path { return Self.gradientCheck(try gradientCheck(experiment: path)) }
        let suite = GradientCheckSuite.check(catalog: catalog)
        return Self.gradientCheck(suite.results, notChecked: suite.notChecked)
    }

    /// The report and status of these checks. Components the suite could not
    /// check are listed but leave the status alone: nothing about their
    /// gradients is known, right or wrong.
    static func gradientCheck(_ results: [GradientCheck.Result], notChecked: [GradientCheckSuite.NotChecked] = []) -> CommandOutcome {
        CommandOutcome(output: [GradientCheckReport.render(results, notChecked: notChecked)], status: results.allSatisfy(\.passed) ? 0 : 1)
    }

    func gradientCheck(experiment path: String) throws -> [GradientCheck.Result] {
        let plan = try ExperimentLoader(catalog: catalog).load(path: path)
        let data = try PreparedData<Double>(plan)
        var random = RandomGenerator(seed: plan.seeds.first ?? 1)
        let model: Sequential<Double> = try ModelBuilder.build(plan, inputSize: data.train.features, random: &random)
        // Four forward passes per weight: a large model would run for minutes without a word.
        guard model.parameterCount <= Self.maximumGradientCheckWeights else {
            throw ExperimentError(file: path, message: "gradcheck checks every weight by finite differences (4 forward passes each); this model has \(model.parameterCount) weights, at most \(Self.maximumGradientCheckWeights): check the same layers with fewer units")
        }
        let sample = data.train.subset(0..<min(8, data.train.count))
        return [GradientCheck.check("\(plan.name): \(plan.model.map(\.name).joined(separator: "-")) + \(plan.lossName)",
                                    model: model, loss: plan.loss, input: sample.inputs, target: sample.targets)]
    }
}
