extension Commands {
    /// `backprop evaluate CHECKPOINT [--data D]`: loss, accuracy and confusion
    /// matrix of a saved model on D (written as in an experiment file), or
    /// without D on its experiment's test set, else its training data.
    public static func evaluate(checkpoint path: String, data: String?) throws -> CommandOutcome {
        let dataset = try data.map { try ExperimentLoader.parseDataset($0, what: "--data") }
        let checkpoint = try CheckpointFile.read(path: path)
        let lines = checkpoint.dtype == Double.dtypeName
            ? try evaluate(checkpoint, path: path, data: dataset, as: Double.self)
            : try evaluate(checkpoint, path: path, data: dataset, as: Float.self)
        return CommandOutcome(output: lines)
    }

    static func evaluate<Scalar: BLASScalar>(_ checkpoint: Checkpoint, path: String, data: (any Dataset)?, as scalar: Scalar.Type) throws -> [String] {
        let (model, plan, _) = try checkpoint.restore(as: Scalar.self, file: path)
        // The experiment's own data resolves against its folder; --data against the current one.
        let loaded = try (data ?? plan.dataset).load(as: Scalar.self, context: data == nil ? plan.datasetContext : Checkpoint.commandLineContext)
        let source = data == nil ? "the experiment's " + (loaded.test == nil ? "training data" : "test set") : "--data"
        let split = try checkpoint.inputs(loaded.test ?? loaded.train, for: model, source: source)
        let encoding: TargetEncoding
        do {
            encoding = try TargetEncoding.choose(loss: plan.loss, classNames: loaded.classNames,
                                                 targetColumns: split.targets.columns, outputs: model.outputSize)
        } catch let error as ComponentError {
            throw DataError(file: source, message: error.description)
        }
        let metrics = TestMetrics(model: model, loss: plan.loss, split: DataSplit(inputs: split.inputs, targets: encoding.encode(split.targets)),
                                  classes: loaded.classNames?.count)
        var lines = ["\(path): run '\(checkpoint.runLabel)', seed \(checkpoint.seed), epoch \(checkpoint.epoch), on \(source) (\(split.count) samples)",
                     "loss: \(formatNumber(metrics.loss))"]
        if let accuracy = metrics.accuracy { lines.append("accuracy: \(formatNumber(accuracy))") }
        if let confusion = metrics.confusion, let names = loaded.classNames {
            lines.append("confusion (rows actual, columns predicted):")
            lines += TextTable.render(header: ["actual"] + names, rows: confusion.enumerated().map { [names[$0.offset]] + $0.element.map(String.init) })
        }
        return lines
    }
}
