import Foundation
import BackpropTraining

/// What data preparation fitted on an experiment's training rows, and the one
/// transformation it makes of any rows: the training, validation and test
/// splits when a run prepares its data, and new rows given to `evaluate` or
/// `predict`, which read it from the checkpoint. Keeping both behind one value
/// means a saved model sees its inputs exactly as it did in training.
///
/// How targets are encoded for the loss (class indices or one-hot) is not
/// kept here: it follows from the class names, the loss and the model's
/// outputs (`TargetEncoding.choose`), all of which a checkpoint holds.
package struct Preprocessor: Sendable, Equatable {
    /// The training data's feature names in the order the model takes them
    /// (one-hot columns as `colour=red`), so new data's columns are matched by
    /// name (nil in checkpoints from before they were saved).
    package var featureNames: [String]?
    /// The feature scaling fitted on the training rows (nil when the experiment asks for none).
    package var featureScaling: FeatureScaling.Statistics?
    /// Class names of the training data (index = label), nil for regression.
    package var classNames: [String]?
    /// The regression targets' scaling fitted on the training rows: reported
    /// errors and predictions undo it.
    package var targetScaling: FeatureScaling.Statistics?

    package init(featureNames: [String]? = nil, featureScaling: FeatureScaling.Statistics? = nil, classNames: [String]? = nil,
                 targetScaling: FeatureScaling.Statistics? = nil) {
        self.featureNames = featureNames
        self.featureScaling = featureScaling
        self.classNames = classNames
        self.targetScaling = targetScaling
    }

    /// Fits the scalings `plan` asks for on the training rows `train` (as
    /// loaded: features unscaled, targets not yet encoded) of data with these
    /// feature and class names.
    static func fit<Scalar: BLASScalar>(_ plan: ExperimentPlan, trainingRows train: DataSplit<Scalar>, featureNames: [String],
                                        classNames: [String]?) throws -> Preprocessor {
        if plan.targetScaling != nil, classNames != nil {
            throw plan.dataError("scale_target is for regression targets; this dataset has classes")
        }
        return Preprocessor(featureNames: featureNames, featureScaling: plan.featureScaling.map { FeatureScaling.statistics($0, of: train.inputs) },
                            classNames: classNames, targetScaling: plan.targetScaling.map { FeatureScaling.statistics($0, of: train.targets) })
    }

    /// Makes rows whose columns are in the model's order and whose labels are
    /// the model's class indices into what the model trains or predicts on:
    /// features scaled, regression targets scaled, targets encoded for the
    /// loss. Targets with no column (rows `predict` reads without them) are
    /// left as they are. Changes `split` in place, so a large training set is
    /// not copied.
    func transform<Scalar: BLASScalar>(_ split: inout DataSplit<Scalar>, encoding: TargetEncoding) {
        featureScaling?.apply(to: &split.inputs)
        guard split.targets.columns > 0 else { return }
        targetScaling?.apply(to: &split.targets)
        split.targets = encoding.encode(split.targets)
    }

    /// How data given for this model (to `evaluate` or `predict`) is read:
    /// its paths from the current folder, as a command line gives them;
    /// labels as the model's classes, by name, or values for regression; a
    /// categorical column expanded into the categories the model was trained on.
    package func newDataContext(requiresTargets: Bool) -> DatasetContext {
        DatasetContext(baseDirectory: FileManager.default.currentDirectoryPath, requiresTargets: requiresTargets,
                       knownTargets: classNames.map { .classes($0) } ?? .values, knownFeatureNames: featureNames)
    }

    /// Data given to `evaluate` or `predict` made ready for `model`: its own
    /// test set when it has one, else its rows; columns matched by name, class
    /// labels as the model's class indices (mapped by name; a label the model
    /// does not know is an error), then `transform`ed as the training rows
    /// were. `source` names the data in errors. Also returns each sample's row
    /// in its file.
    package func prepare<Scalar: BLASScalar>(_ loaded: LoadedDataset<Scalar>, for model: Sequential<Scalar>, loss: any Loss,
                                             source: String) throws -> (split: DataSplit<Scalar>, rows: [Int]) {
        var split = loaded.test ?? loaded.train
        let rows = (loaded.test == nil ? loaded.trainRowNumbers : loaded.testRowNumbers) ?? Array(0..<split.count)
        if let featureNames {
            split.inputs = try Self.columns(of: split.inputs, named: loaded.featureNames, as: featureNames, source: source)
        }
        guard split.features == model.inputSize else {
            throw DataError(file: source, message: "the data has \(split.features) features, the model takes \(model.inputSize)")
        }
        if let featureScaling, featureScaling.shift.count != split.features || featureScaling.factor.count != split.features {
            throw DataError(file: source, message: "the checkpoint's feature scaling is for \(featureScaling.shift.count) features, the data has \(split.features)")
        }
        var encoding = TargetEncoding.asLoaded
        if split.targets.columns > 0 {
            if let classNames {
                split.targets = try Self.mapLabels(split.targets, from: loaded.classNames, to: classNames, source: source)
            } else if let names = loaded.classNames {
                throw DataError(file: source, message: "the model does regression, but the data has class labels (\(names.joined(separator: ", ")))")
            }
            do {
                encoding = try TargetEncoding.choose(loss: loss, classNames: classNames, targetColumns: split.targets.columns,
                                                     outputs: model.outputSize)
            } catch let error as ComponentError {
                throw DataError(file: source, message: error.description)
            }
        }
        transform(&split, encoding: encoding)
        return (split, rows)
    }

    /// What in this preprocessor does not fit a model of these sizes and
    /// loss, or nil: one scaling entry per input (and per output for the
    /// targets), finite and non-zero factors, feature names one per input,
    /// class names that are distinct and fit the model's outputs. A checkpoint
    /// edited by hand or damaged otherwise would index past its arrays.
    func inconsistency(inputSize: Int, outputSize: Int, loss: any Loss) -> String? {
        func problem(_ statistics: FeatureScaling.Statistics?, _ what: String, count: Int) -> String? {
            guard let statistics else { return nil }
            guard statistics.shift.count == count, statistics.factor.count == count else {
                return "its \(what) scaling has \(statistics.shift.count) entries, the model has \(count)"
            }
            guard statistics.shift.allSatisfy(\.isFinite), statistics.factor.allSatisfy({ $0.isFinite && $0 != 0 }) else {
                return "its \(what) scaling has a factor of 0 or a value that is not finite"
            }
            return nil
        }
        if let found = problem(featureScaling, "feature", count: inputSize) ?? problem(targetScaling, "target", count: outputSize) {
            return found
        }
        if let featureNames, featureNames.count != inputSize || Set(featureNames).count != featureNames.count {
            return "it names \(featureNames.count) features (distinct: \(Set(featureNames).count)), the model takes \(inputSize)"
        }
        guard let classNames else {
            return loss.targets.needsClasses ? "it has no class names, but its loss \(type(of: loss).name) needs classes" : nil
        }
        guard targetScaling == nil else { return "a classifier's checkpoint has a target scaling" }
        guard !classNames.isEmpty, Set(classNames).count == classNames.count else {
            return "its class names are empty or repeat one"
        }
        do {
            _ = try TargetEncoding.choose(loss: loss, classNames: classNames, targetColumns: 1, outputs: outputSize)
        } catch {
            return "its \(classNames.count) class names do not fit the model's \(outputSize) output(s)"
        }
        return nil
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
