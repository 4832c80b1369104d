import Foundation

extension Checkpoint {
    /// Data given to `evaluate` or `predict`, checked against the model's
    /// input width and scaled as the training rows were. `source` names it in errors.
    func inputs<Scalar: BLASScalar>(_ split: DataSplit<Scalar>, for model: Sequential<Scalar>, source: String) throws -> DataSplit<Scalar> {
        guard split.features == model.inputSize else {
            throw DataError(file: source, message: "the data has \(split.features) features, the model takes \(model.inputSize)")
        }
        var scaled = split
        if let scaling {
            guard scaling.shift.count == split.features, scaling.factor.count == split.features else {
                throw DataError(file: source, message: "the checkpoint's feature scaling is for \(scaling.shift.count) features, the data has \(split.features)")
            }
            scaling.apply(to: &scaled.inputs)
        }
        return scaled
    }

    /// A dataset given as `--data`, resolved against the current folder.
    static var commandLineContext: DatasetContext {
        DatasetContext(baseDirectory: FileManager.default.currentDirectoryPath)
    }
}
