import BackpropOutput

extension Commands {
    /// `backprop evaluate CHECKPOINT [--data D]`: loss and accuracy (or RMSE,
    /// MAE and R²) and the confusion matrix of a saved model on D (written as
    /// in an experiment file), or without D on its experiment's test set.
    package func evaluate(checkpoint path: String, data: String?) throws -> CommandOutcome {
        let dataset = try data.map { try ExperimentLoader(catalog: catalog).parseDataset($0, what: "--data") }
        let checkpoint = try CheckpointFile.read(path: path)
        let lines = checkpoint.dtype == Double.dtypeName
            ? try evaluate(checkpoint, path: path, data: dataset, as: Double.self)
            : try evaluate(checkpoint, path: path, data: dataset, as: Float.self)
        return CommandOutcome(output: lines)
    }

    func evaluate<Scalar: BLASScalar>(_ checkpoint: Checkpoint, path: String, data: (any Dataset)?, as scalar: Scalar.Type) throws -> [String] {
        let (model, plan, _) = try checkpoint.restore(as: Scalar.self, file: path, catalog: catalog)
        let preprocessor = checkpoint.preprocessor
        let split: DataSplit<Scalar>
        let source: String
        if let data {
            let loaded = try data.load(as: Scalar.self, context: preprocessor.newDataContext(requiresTargets: true))
            source = "--data"
            split = try preprocessor.prepare(loaded, for: model, loss: plan.loss, source: source).split
        } else {
            // The experiment's own test rows, cut, scaled and encoded exactly as when it trained.
            let prepared = try PreparedData<Scalar>(plan)
            if let saved = checkpoint.dataDigest, saved != prepared.dataDigest {
                throw DataError(file: path, message: "the data of its experiment \(plan.file) changed since this checkpoint was saved, so its test rows would not be the same; give data with --data")
            }
            guard let test = prepared.test else {
                throw DataError(file: path, message: "its experiment \(plan.file) has no test set (add split: {test: 0.2} to its dataset); give data with --data")
            }
            source = "the experiment's test set" + (prepared.testSource == .split ? " (held out by its split)" : "")
            split = test
        }
        let metrics = TestMetrics(model: model, loss: plan.loss, split: split, classes: preprocessor.classNames?.count,
                                  targetScaling: preprocessor.targetScaling)
        var lines = ["\(path): run '\(checkpoint.runLabel)', seed \(checkpoint.seed), epoch \(checkpoint.epoch), on \(source) (\(split.count) samples)",
                     "loss: \(formatNumber(metrics.loss))" + (preprocessor.targetScaling == nil ? "" : " (on scaled targets, as in training)")]
        if let accuracy = metrics.accuracy { lines.append("accuracy: \(formatNumber(accuracy))") }
        if let scores = metrics.regression {
            lines += ["rmse: \(formatNumber(scores.rmse))", "mae: \(formatNumber(scores.mae))", "r2: \(formatNumber(scores.r2))"]
        }
        if let confusion = metrics.confusion, let names = preprocessor.classNames {
            lines.append("confusion (rows actual, columns predicted):")
            lines += TextTable.render(header: ["actual"] + names, rows: confusion.enumerated().map { [names[$0.offset]] + $0.element.map(String.init) })
        }
        return lines
    }
}
