import BackpropTraining

/// Builds the experiment's model for a run.
package enum ModelBuilder {
    /// A model from its layer entries; weights are drawn from `random` (the run's seed).
    package static func build<Scalar: BLASScalar>(
        _ entries: [ModelEntry], inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type = Scalar.self
    ) throws -> Sequential<Scalar> {
        guard inputSize >= 1 else {
            throw ComponentError("the model needs at least one input feature, the data has \(inputSize)")
        }
        var width = inputSize
        var layers: [any Layer<Scalar>] = []
        var parameters = 0
        for entry in entries {
            let next = entry.spec.outputSize(inputSize: width)
            parameters = ModelSize.product(1, parameters, plus: entry.spec.parameterCount(inputSize: width)) ?? Int.max
            if parameters > ModelSize.maximumParameters {
                throw entry.position.error("the model would have more than \(ModelSize.maximumParameters) weights up to this layer; it is too large to train here")
            }
            do {
                layers.append(try entry.spec.makeLayer(inputSize: width, random: &random, as: Scalar.self))
            } catch let error as ComponentError {
                throw entry.position.error(error.description)
            }
            width = next
        }
        return Sequential(inputSize: inputSize, layers: layers)
    }

    /// How many weights the model has on `inputSize` features (Int.max past any limit).
    static func parameterCount(_ entries: [ModelEntry], inputSize: Int) -> Int {
        var width = inputSize, parameters = 0
        for entry in entries {
            parameters = ModelSize.product(1, parameters, plus: entry.spec.parameterCount(inputSize: width)) ?? Int.max
            width = entry.spec.outputSize(inputSize: width)
        }
        return parameters
    }

    /// The model of one run (its own `model:` or the experiment's).
    package static func build<Scalar: BLASScalar>(
        _ plan: ExperimentPlan, run: RunPlan? = nil, inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type = Scalar.self
    ) throws -> Sequential<Scalar> {
        try build(run?.model ?? plan.model, inputSize: inputSize, random: &random)
    }
}
