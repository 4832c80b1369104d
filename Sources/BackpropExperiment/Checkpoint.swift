import Foundation
import BackpropTraining

/// A saved model and optimizer: every parameter and buffer by name, the
/// optimizer's state, and the experiment it came from (its source text and
/// run label), so the architecture can be rebuilt and the values loaded back.
///
/// Values are kept as Double, which holds every Float exactly, so a saved
/// model loads bit-identically. `CheckpointFile` writes and reads them.
package struct Checkpoint: Sendable {
    package var experimentSource: String
    package var experimentFile: String
    package var baseDirectory: String
    package var runLabel: String
    package var seed: UInt64
    package var epoch: Int
    package var dtype: String
    /// The model's input width (nil in checkpoints from before it was saved).
    package var inputSize: Int?
    /// What data preparation fitted on the training rows, so `evaluate` and
    /// `predict` transform new data as the training data was.
    package var preprocessor: Preprocessor
    /// `Digest` of the training data as loaded, so `evaluate` notices when the
    /// experiment's data changed since (nil in older checkpoints).
    package var dataDigest: String?
    package var parameters: [String: [Double]]
    package var optimizer: OptimizerState?

    package init(experimentSource: String, experimentFile: String, baseDirectory: String, runLabel: String, seed: UInt64, epoch: Int,
         dtype: String, inputSize: Int?, preprocessor: Preprocessor, parameters: [String: [Double]]) {
        self.experimentSource = experimentSource
        self.experimentFile = experimentFile
        self.baseDirectory = baseDirectory
        self.runLabel = runLabel
        self.seed = seed
        self.epoch = epoch
        self.dtype = dtype
        self.inputSize = inputSize
        self.preprocessor = preprocessor
        self.parameters = parameters
    }

    package init<Scalar: BLASScalar>(model: Sequential<Scalar>, optimizer: Optimizer<Scalar>?, experimentSource: String,
                                    experimentFile: String, baseDirectory: String, runLabel: String, seed: UInt64, epoch: Int,
                                    preprocessor: Preprocessor, dataDigest: String? = nil) {
        self.init(experimentSource: experimentSource, experimentFile: experimentFile, baseDirectory: baseDirectory,
                  runLabel: runLabel, seed: seed, epoch: epoch, dtype: Scalar.dtypeName, inputSize: model.inputSize, preprocessor: preprocessor,
                  parameters: Dictionary(uniqueKeysWithValues: model.parametersAndBuffers.map { ($0.name, $0.value.storage.map(Double.init)) }))
        self.optimizer = optimizer?.saveState()
        self.dataDigest = dataDigest
    }

    /// Copies the saved values into `model`, which must have the same layers.
    package func load<Scalar: BLASScalar>(into model: Sequential<Scalar>, file: String) throws {
        for parameter in model.parametersAndBuffers {
            guard let values = parameters[parameter.name] else {
                throw DataError(file: file, message: "checkpoint has no values for \(parameter.name); was it saved from this model?")
            }
            guard values.count == parameter.count else {
                throw DataError(file: file, message: "checkpoint has \(values.count) values for \(parameter.name), the model needs \(parameter.count)")
            }
            parameter.value.storage = values.map { Scalar($0) }
        }
    }

    /// The model this checkpoint was saved from, rebuilt from its experiment
    /// and loaded, with that experiment and run, its components from
    /// `catalog`. `file` names it in errors.
    package func restore<Scalar: BLASScalar>(as scalar: Scalar.Type, file: String, catalog: Catalog) throws
        -> (model: Sequential<Scalar>, plan: ExperimentPlan, run: RunPlan) {
        let plan: ExperimentPlan
        do {
            plan = try ExperimentLoader(catalog: catalog).parse(experimentSource, file: experimentFile, baseDirectory: baseDirectory)
        } catch let error as ExperimentError {
            throw DataError(file: file, message: "the experiment stored in it no longer reads: \(error)")
        }
        guard let run = plan.runs.first(where: { $0.label == runLabel }) else {
            throw DataError(file: file, message: "checkpoint names run '\(runLabel)', which its experiment does not have")
        }
        var random = RandomGenerator(seed: seed)
        let model: Sequential<Scalar> = try ModelBuilder.build(plan, run: run, inputSize: try inputWidth(of: run.model ?? plan.model, file: file),
                                                               random: &random)
        try load(into: model, file: file)
        // The header's preprocessor must fit the model it came with.
        if let problem = preprocessor.inconsistency(inputSize: model.inputSize, outputSize: model.outputSize, loss: plan.loss) {
            throw DataError(file: file, message: "inconsistent checkpoint: \(problem)")
        }
        return (model, plan, run)
    }

    /// The saved input width; for older checkpoints, read off the first dense
    /// layer's saved weight (units x inputs values).
    private func inputWidth(of entries: [ModelEntry], file: String) throws -> Int {
        if let inputSize { return inputSize }
        guard let first = entries.first, let dense = first.spec as? DenseSpec,
              let weights = parameters[Sequential<Double>.layerName(index: 0, kind: DenseSpec.name) + ".weight"],
              weights.count % dense.units == 0 else {
            throw DataError(file: file, message: "this checkpoint does not say its input width; re-run the experiment to save a new one")
        }
        return weights.count / dense.units
    }
}
