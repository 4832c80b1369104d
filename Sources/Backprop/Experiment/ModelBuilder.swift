/// Builds the experiment's model for a run.
public enum ModelBuilder {
    /// A sanity limit (800 MB of Float64 weights) so a typo in `units` fails fast.
    public static let maximumParameters = 100_000_000

    /// A model from its layer entries; weights are drawn from `random` (the run's seed).
    public static func build<Scalar: BLASScalar>(
        _ entries: [ModelEntry], inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type = Scalar.self
    ) throws -> Sequential<Scalar> {
        var width = inputSize
        var layers: [any Layer<Scalar>] = []
        var parameters = 0
        for entry in entries {
            let next = entry.spec.outputSize(inputSize: width)
            parameters += width.multipliedReportingOverflow(by: next).overflow ? Int.max / 2 : width * next
            if parameters > maximumParameters {
                throw entry.position.error("the model would have more than \(maximumParameters) weights up to this layer; it is too large to train here")
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

    /// The model of one run (its own `model:` or the experiment's).
    public static func build<Scalar: BLASScalar>(
        _ plan: ExperimentPlan, run: RunPlan? = nil, inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type = Scalar.self
    ) throws -> Sequential<Scalar> {
        try build(run?.model ?? plan.model, inputSize: inputSize, random: &random)
    }
}
