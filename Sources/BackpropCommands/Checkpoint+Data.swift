import Foundation
import BackpropOutput

extension Checkpoint {
    /// How data for this model reads its targets: the model's classes, by
    /// name, or values for regression.
    var knownTargets: DatasetContext.KnownTargets {
        classNames.map { .classes($0) } ?? .values
    }

    /// A dataset given as `--data`, resolved against the current folder and
    /// read with this model's targets.
    func commandLineContext(requiresTargets: Bool) -> DatasetContext {
        DatasetContext(baseDirectory: FileManager.default.currentDirectoryPath, requiresTargets: requiresTargets,
                       knownTargets: knownTargets, knownFeatureNames: featureNames)
    }

    /// Data given to `evaluate` or `predict` made ready for the model: its
    /// own test set when it has one, else its rows; class labels as the
    /// model's class indices (mapped by name; a label the model does not know
    /// is an error), features checked and scaled as the training rows were,
    /// regression targets scaled as in training, targets encoded for the loss.
    /// `source` names the data in errors. Also returns each sample's row in
    /// its file.
    func prepare<Scalar: BLASScalar>(_ loaded: LoadedDataset<Scalar>, for model: Sequential<Scalar>, loss: any Loss,
                                     source: String) throws -> (split: DataSplit<Scalar>, rows: [Int]) {
        var split = loaded.test ?? loaded.train
        let rows = (loaded.test == nil ? loaded.trainRowNumbers : loaded.testRowNumbers) ?? Array(0..<split.count)
        if let featureNames {
            split.inputs = try Self.columns(of: split.inputs, named: loaded.featureNames, as: featureNames, source: source)
        }
        guard split.features == model.inputSize else {
            throw DataError(file: source, message: "the data has \(split.features) features, the model takes \(model.inputSize)")
        }
        if let scaling {
            guard scaling.shift.count == split.features, scaling.factor.count == split.features else {
                throw DataError(file: source, message: "the checkpoint's feature scaling is for \(scaling.shift.count) features, the data has \(split.features)")
            }
            scaling.apply(to: &split.inputs)
        }
        guard split.targets.columns > 0 else { return (split, rows) }
        if let classNames {
            split.targets = try Self.mapLabels(split.targets, from: loaded.classNames, to: classNames, source: source)
        } else {
            guard loaded.classNames == nil else {
                throw DataError(file: source, message: "the model does regression, but the data has class labels (\(loaded.classNames?.joined(separator: ", ") ?? ""))")
            }
            targetScaling?.apply(to: &split.targets)
        }
        do {
            let encoding = try TargetEncoding.choose(loss: loss, classNames: classNames, targetColumns: split.targets.columns,
                                                     outputs: model.outputSize)
            split.targets = encoding.encode(split.targets)
        } catch let error as ComponentError {
            throw DataError(file: source, message: error.description)
        }
        return (split, rows)
    }

    /// `inputs`, whose columns are named `names`, with its columns in the
    /// order of `expected` (the training data's): new data is matched by
    /// column name, never by position; a column missing or extra is an error.
    static func columns<Scalar: BLASScalar>(of inputs: Matrix<Scalar>, named names: [String], as expected: [String],
                                            source: String) throws -> Matrix<Scalar> {
        guard names != expected else { return inputs }
        let missing = expected.filter { !names.contains($0) }, extra = names.filter { !expected.contains($0) }
        guard missing.isEmpty, extra.isEmpty, names.count == expected.count, Set(names).count == names.count else {
            func list(_ columns: [String]) -> String {
                columns.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (columns.count > 5 ? ", ..." : "")
            }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(list(missing))") }
            if !extra.isEmpty { parts.append("not in the training data \(list(extra))") }
            if parts.isEmpty { parts.append("a column appears twice") }
            throw DataError(file: source, message: "the columns differ from the training data's: " + parts.joined(separator: "; "))
        }
        let order = expected.map { name in names.firstIndex(of: name) ?? 0 }
        var reordered = Matrix<Scalar>(rows: inputs.rows, columns: expected.count)
        for row in 0..<inputs.rows {
            for (column, source) in order.enumerated() { reordered[row, column] = inputs[row, source] }
        }
        return reordered
    }

    /// Class indices of a dataset with classes `names` as indices into the
    /// model's classes `known`, matched by name (numbers by value, so `1.0` is
    /// class `1`); a name the model does not know is an error naming it.
    static func mapLabels<Scalar: BLASScalar>(_ targets: Matrix<Scalar>, from names: [String]?, to known: [String],
                                              source: String) throws -> Matrix<Scalar> {
        guard let names else {
            throw DataError(file: source, message: "the data has no class labels; the model is a classifier of \(known.count) classes (\(known.joined(separator: ", ")))")
        }
        guard names != known else { return targets }
        func index(of name: String) -> Int? {
            known.firstIndex(of: name) ?? Double(name).flatMap { number in known.firstIndex { Double($0) == number } }
        }
        let mapping = names.map(index)
        let used = Set(targets.storage.map { Int($0) })
        let unknown = names.indices.filter { used.contains($0) && mapping[$0] == nil }.map { names[$0] }
        guard unknown.isEmpty else {
            throw DataError(file: source, message: "label\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) not among the model's classes (\(known.joined(separator: ", ")))")
        }
        var mapped = targets
        for index in mapped.storage.indices {
            let label = Int(mapped.storage[index])
            mapped.storage[index] = Scalar(mapping.indices.contains(label) ? mapping[label] ?? 0 : 0)
        }
        return mapped
    }
}
