extension Commands {
    /// `backprop predict CHECKPOINT --data D`: the saved model's predictions as
    /// CSV, the class name per sample (by the loss's rule), or the model's
    /// outputs for regression.
    public static func predict(checkpoint path: String, data: String) throws -> CommandOutcome {
        let dataset = try ExperimentLoader.parseDataset(data, what: "--data")
        let checkpoint = try CheckpointFile.read(path: path)
        let lines = checkpoint.dtype == Double.dtypeName
            ? try predict(checkpoint, path: path, data: dataset, as: Double.self)
            : try predict(checkpoint, path: path, data: dataset, as: Float.self)
        return CommandOutcome(output: lines)
    }

    static func predict<Scalar: BLASScalar>(_ checkpoint: Checkpoint, path: String, data: any Dataset, as scalar: Scalar.Type) throws -> [String] {
        let (model, plan, _) = try checkpoint.restore(as: Scalar.self, file: path)
        let loaded = try data.load(as: Scalar.self, context: Checkpoint.commandLineContext)
        let split = try checkpoint.inputs(loaded.test ?? loaded.train, for: model, source: "--data")
        let outputs = Evaluator<Scalar>().predict(model: model, inputs: split.inputs)
        if let names = checkpoint.classNames {
            return ["prediction"] + plan.loss.classes(of: outputs).map { names.indices.contains($0) ? MetricsCSV.csvField(names[$0]) : "\($0)" }
        }
        let header = (1...max(outputs.columns, 1)).map { "output\($0)" }.joined(separator: ",")
        return [header] + (0..<outputs.rows).map { outputs.row($0).map { "\($0)" }.joined(separator: ",") }
    }
}
