import BackpropOutput

extension Commands {
    /// `backprop predict CHECKPOINT --data D`: the saved model's predictions
    /// as CSV, one line per row of D (its target column may be left out):
    /// `row` (the row in D's file, from 0), `prediction` (the class name by the
    /// loss's rule, or the value in the targets' own units) and, for
    /// classifiers whose loss gives probabilities, `p_CLASS` per class.
    package func predict(checkpoint path: String, data: String) throws -> CommandOutcome {
        let dataset = try ExperimentLoader(catalog: catalog).parseDataset(data, what: "--data")
        let checkpoint = try CheckpointFile.read(path: path)
        let lines = checkpoint.dtype == Double.dtypeName
            ? try predict(checkpoint, path: path, data: dataset, as: Double.self)
            : try predict(checkpoint, path: path, data: dataset, as: Float.self)
        return CommandOutcome(output: lines)
    }

    func predict<Scalar: BLASScalar>(_ checkpoint: Checkpoint, path: String, data: any Dataset, as scalar: Scalar.Type) throws -> [String] {
        let (model, plan, _) = try checkpoint.restore(as: Scalar.self, file: path, catalog: catalog)
        let preprocessor = checkpoint.preprocessor
        let loaded = try data.load(as: Scalar.self, context: preprocessor.newDataContext(requiresTargets: false))
        let (split, rows) = try preprocessor.prepare(loaded, for: model, loss: plan.loss, source: "--data")
        let outputs = Evaluator<Scalar>().predict(model: model, inputs: split.inputs)
        if let names = preprocessor.classNames {
            let classes = plan.loss.classes(of: outputs)
            let probabilities = plan.loss.probabilities(of: outputs).flatMap { $0.first?.count == names.count ? $0 : nil }
            let header = ["row", "prediction"] + (probabilities == nil ? [] : names.map { MetricsCSV.csvField("p_" + $0) })
            return [header.joined(separator: ",")] + rows.indices.map { index in
                let name = names.indices.contains(classes[index]) ? MetricsCSV.csvField(names[classes[index]]) : "\(classes[index])"
                return (["\(rows[index])", name] + (probabilities?[index].map { "\($0)" } ?? [])).joined(separator: ",")
            }
        }
        let header = ["row"] + (outputs.columns == 1 ? ["prediction"] : (1...max(outputs.columns, 1)).map { "prediction\($0)" })
        return [header.joined(separator: ",")] + rows.indices.map { index in
            let values = outputs.row(index).enumerated().map { column, value in
                preprocessor.targetScaling?.original(Double(value), column: column) ?? Double(value)
            }
            return (["\(rows[index])"] + values.map { "\($0)" }).joined(separator: ",")
        }
    }
}
