import Foundation

/// `backprop evaluate` and `backprop predict`: a checkpoint's model rebuilt from
/// its experiment, its saved values loaded, and run on data.
public enum CheckpointCommands {
    /// The model saved in `checkpoint`, rebuilt and loaded, with its experiment and run.
    public static func restore<Scalar: BLASScalar>(_ checkpoint: Checkpoint, path: String, as scalar: Scalar.Type) throws
        -> (model: Sequential<Scalar>, plan: ExperimentPlan, run: RunPlan) {
        let plan = try ExperimentLoader.parse(checkpoint.experimentSource, file: checkpoint.experimentFile, baseDirectory: checkpoint.baseDirectory)
        guard let run = plan.runs.first(where: { $0.label == checkpoint.runLabel }) else {
            throw DataError(file: path, message: "checkpoint names run '\(checkpoint.runLabel)', which its experiment does not have")
        }
        let inputs = try inputWidth(checkpoint, plan: plan, run: run)
        var random = RandomGenerator(seed: checkpoint.seed)
        let model: Sequential<Scalar> = try ModelBuilder.build(plan, run: run, inputSize: inputs, random: &random)
        try checkpoint.load(into: model, file: path)
        return (model, plan, run)
    }

    /// The input width, read from the first dense layer's saved weight.
    static func inputWidth(_ checkpoint: Checkpoint, plan: ExperimentPlan, run: RunPlan) throws -> Int {
        let entries = run.model ?? plan.model
        guard let first = entries.first, let units = (first.spec as? DenseSpec)?.units,
              let weights = checkpoint.parameters["layer1.dense.weight"], units > 0, weights.count % units == 0 else {
            throw ComponentError("evaluate and predict need a model that starts with a dense layer")
        }
        return weights.count / units
    }

    /// Loss, accuracy and confusion matrix of the checkpoint on `data` (the
    /// experiment's test set, else its training data, when `data` is nil).
    public static func evaluate(path: String, data: (any Dataset)?) throws -> String {
        let checkpoint = try Checkpoint.read(path: path)
        return checkpoint.dtype == "float64"
            ? try evaluate(checkpoint, path: path, data: data, as: Double.self)
            : try evaluate(checkpoint, path: path, data: data, as: Float.self)
    }

    static func evaluate<Scalar: BLASScalar>(_ checkpoint: Checkpoint, path: String, data: (any Dataset)?, as scalar: Scalar.Type) throws -> String {
        let (model, plan, _) = try restore(checkpoint, path: path, as: Scalar.self)
        // The experiment's own data resolves against its folder; --data against the current one.
        let context = data == nil ? plan.datasetContext : DatasetContext(baseDirectory: FileManager.default.currentDirectoryPath)
        let loaded = try (data ?? plan.dataset).load(as: Scalar.self, context: context)
        let source = data == nil ? "the experiment's " + (loaded.test == nil ? "training data" : "test set") : "--data"
        let split = try inputs(loaded.test ?? loaded.train, for: model, checkpoint: checkpoint, source: source)
        let encoding: TargetEncoding
        do {
            encoding = try TargetEncoding.choose(lossName: plan.lossName, classNames: loaded.classNames,
                                                 targetColumns: split.targets.columns, outputs: model.outputSize)
        } catch let error as ComponentError {
            throw DataError(file: source, message: error.description)
        }
        let encoded = DataSplit(inputs: split.inputs, targets: encoding.encode(split.targets))
        let loss = plan.loss.makeLoss(as: Scalar.self)
        let evaluator = Evaluator<Scalar>(accuracyRule: .choose(isClassification: loaded.isClassification, loss: loss))
        let metrics = ExperimentRunner.testMetrics(model: model, loss: loss, evaluator: evaluator, split: encoded, classes: loaded.classNames?.count)
        var lines = ["\(path): run '\(checkpoint.runLabel)', seed \(checkpoint.seed), epoch \(checkpoint.epoch), on \(source) (\(split.count) samples)",
                     "loss: \(formatNumber(metrics.loss))"]
        if let accuracy = metrics.accuracy { lines.append("accuracy: \(formatNumber(accuracy))") }
        if let confusion = metrics.confusion, let names = loaded.classNames {
            lines.append("confusion (rows actual, columns predicted):")
            lines += TextTable.render(header: ["actual"] + names, rows: confusion.enumerated().map { [names[$0.offset]] + $0.element.map(String.init) })
        }
        return lines.joined(separator: "\n")
    }

    /// The split checked against the model's input width, then scaled as in training.
    static func inputs<Scalar: BLASScalar>(_ split: DataSplit<Scalar>, for model: Sequential<Scalar>, checkpoint: Checkpoint,
                                           source: String) throws -> DataSplit<Scalar> {
        guard split.features == model.inputSize else {
            throw DataError(file: source, message: "the data has \(split.features) features, the model takes \(model.inputSize)")
        }
        var scaled = split
        if let scaling = checkpoint.scaling {
            guard scaling.shift.count == split.features, scaling.factor.count == split.features else {
                throw DataError(file: source, message: "the checkpoint's feature scaling is for \(scaling.shift.count) features, the data has \(split.features)")
            }
            scaling.apply(to: &scaled.inputs)
        }
        return scaled
    }

    /// Predictions as CSV on standard output: the class name per sample, or the
    /// model's outputs for regression.
    public static func predict(path: String, data: any Dataset) throws -> String {
        let checkpoint = try Checkpoint.read(path: path)
        return checkpoint.dtype == "float64"
            ? try predict(checkpoint, path: path, data: data, as: Double.self)
            : try predict(checkpoint, path: path, data: data, as: Float.self)
    }

    static func predict<Scalar: BLASScalar>(_ checkpoint: Checkpoint, path: String, data: any Dataset, as scalar: Scalar.Type) throws -> String {
        let (model, _, _) = try restore(checkpoint, path: path, as: Scalar.self)
        let loaded = try data.load(as: Scalar.self, context: DatasetContext(baseDirectory: FileManager.default.currentDirectoryPath))
        let split = try inputs(loaded.test ?? loaded.train, for: model, checkpoint: checkpoint, source: "--data")
        let outputs = Evaluator<Scalar>().predict(model: model, inputs: split.inputs)
        if let names = checkpoint.classNames {
            let classes = ExperimentRunner.predictedClasses(outputs, of: model)
            return (["prediction"] + classes.map { names.indices.contains($0) ? MetricsCSV.csvField(names[$0]) : "\($0)" }).joined(separator: "\n")
        }
        let header = (1...max(outputs.columns, 1)).map { "output\($0)" }.joined(separator: ",")
        return ([header] + (0..<outputs.rows).map { outputs.row($0).map { "\($0)" }.joined(separator: ",") }).joined(separator: "\n")
    }
}
