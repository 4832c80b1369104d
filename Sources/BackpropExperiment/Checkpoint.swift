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
    /// Class names of the training data (index = label), nil for regression.
    package var classNames: [String]?
    /// Feature scaling fitted on the training rows; applied to new data before predicting.
    package var scaling: FeatureScaling.Statistics?
    /// The regression targets' scaling; predictions are unscaled with it.
    package var targetScaling: FeatureScaling.Statistics?
    /// The training data's feature names (one-hot columns as `colour=red`), so
    /// new data's columns are matched by name (nil in older checkpoints).
    package var featureNames: [String]?
    /// `Digest` of the training data as loaded, so `evaluate` notices when the
    /// experiment's data changed since (nil in older checkpoints).
    package var dataDigest: String?
    package var parameters: [String: [Double]]
    package var optimizer: OptimizerState?

    package init(experimentSource: String, experimentFile: String, baseDirectory: String, runLabel: String, seed: UInt64, epoch: Int,
         dtype: String, inputSize: Int?, classNames: [String]?, scaling: FeatureScaling.Statistics?, parameters: [String: [Double]]) {
        self.experimentSource = experimentSource
        self.experimentFile = experimentFile
        self.baseDirectory = baseDirectory
        self.runLabel = runLabel
        self.seed = seed
        self.epoch = epoch
        self.dtype = dtype
        self.inputSize = inputSize
        self.classNames = classNames
        self.scaling = scaling
        self.parameters = parameters
    }

    package init<Scalar: BLASScalar>(model: Sequential<Scalar>, optimizer: Optimizer<Scalar>?, experimentSource: String,
                                    experimentFile: String, baseDirectory: String, runLabel: String, seed: UInt64, epoch: Int,
                                    classNames: [String]?, scaling: FeatureScaling.Statistics? = nil,
                                    targetScaling: FeatureScaling.Statistics? = nil, featureNames: [String]? = nil, dataDigest: String? = nil) {
        self.init(experimentSource: experimentSource, experimentFile: experimentFile, baseDirectory: baseDirectory,
                  runLabel: runLabel, seed: seed, epoch: epoch, dtype: Scalar.dtypeName, inputSize: model.inputSize,
                  classNames: classNames, scaling: scaling,
                  parameters: Dictionary(uniqueKeysWithValues: model.parametersAndBuffers.map { ($0.name, $0.value.storage.map(Double.init)) }))
        self.optimizer = optimizer?.saveState()
        self.targetScaling = targetScaling
        self.featureNames = featureNames
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
        try checkConsistency(with: model, loss: plan.loss, file: file)
        return (model, plan, run)
    }

    /// The header's data facts must fit the model they came with: one scaling
    /// entry per input (and per output for the targets), finite and non-zero
    /// factors, class names that are distinct and fit the model's outputs. A
    /// file edited by hand or damaged otherwise would index past its arrays.
    private func checkConsistency<Scalar: BLASScalar>(with model: Sequential<Scalar>, loss: any Loss, file: String) throws {
        func damaged(_ why: String) -> DataError { DataError(file: file, message: "inconsistent checkpoint: \(why)") }
        func check(_ statistics: FeatureScaling.Statistics?, _ what: String, count: Int) throws {
            guard let statistics else { return }
            guard statistics.shift.count == count, statistics.factor.count == count else {
                throw damaged("its \(what) scaling has \(statistics.shift.count) entries, the model has \(count)")
            }
            guard statistics.shift.allSatisfy(\.isFinite), statistics.factor.allSatisfy({ $0.isFinite && $0 != 0 }) else {
                throw damaged("its \(what) scaling has a factor of 0 or a value that is not finite")
            }
        }
        try check(scaling, "feature", count: model.inputSize)
        try check(targetScaling, "target", count: model.outputSize)
        if let featureNames, featureNames.count != model.inputSize || Set(featureNames).count != featureNames.count {
            throw damaged("it names \(featureNames.count) features (distinct: \(Set(featureNames).count)), the model takes \(model.inputSize)")
        }
        if let classNames {
            guard targetScaling == nil else { throw damaged("a classifier's checkpoint has a target scaling") }
            guard !classNames.isEmpty, Set(classNames).count == classNames.count else {
                throw damaged("its class names are empty or repeat one")
            }
            do {
                _ = try TargetEncoding.choose(loss: loss, classNames: classNames, targetColumns: 1, outputs: model.outputSize)
            } catch {
                throw damaged("its \(classNames.count) class names do not fit the model's \(model.outputSize) output(s)")
            }
        } else if loss.targets.needsClasses {
            throw damaged("it has no class names, but its loss \(type(of: loss).name) needs classes")
        }
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
