import BackpropTraining

/// An experiment's data ready to train on: the splits with targets encoded
/// for the loss, features (and, if asked, regression targets) scaled. Loaded
/// once, in the experiment's precision, and shared read-only by every job.
package struct PreparedData<Scalar: BLASScalar>: @unchecked Sendable {
    package var train: DataSplit<Scalar>
    var validation: DataSplit<Scalar>?
    package var test: DataSplit<Scalar>?
    /// What was fitted on the training rows and applied to every split, saved with checkpoints.
    package var preprocessor: Preprocessor
    /// The file rows of each part when the experiment splits the data (`splits.csv`).
    var splitRows: SplitRows?
    /// Where the test set comes from, for the report.
    package var testSource: TestSource?
    /// A digest of the data as loaded, before any split or scaling: saved in
    /// checkpoints, so `evaluate` notices when the data changed since.
    package var dataDigest: String
    /// Warnings for a learner (a step activation in a trained model, rows the
    /// loader dropped, a replaced test set).
    var warnings: [String]

    /// The training data's feature names, in the model's input order.
    var featureNames: [String] { preprocessor.featureNames ?? [] }
    var classNames: [String]? { preprocessor.classNames }
    var targetScaling: FeatureScaling.Statistics? { preprocessor.targetScaling }
    var isClassification: Bool { classNames != nil }

    /// Loads the dataset and checks it against every run's model and the loss:
    /// what `backprop validate` runs, and the first step of a run. The training
    /// data is held once: held-out rows move out of it, then the preprocessor
    /// fitted on the rows left transforms every split in place.
    package init(_ plan: ExperimentPlan) throws {
        var loaded = try plan.dataset.load(as: Scalar.self, context: plan.datasetContext)
        guard loaded.train.count >= 1 else {
            throw plan.dataError("the dataset has no training samples")
        }
        var digest = Digest()
        for split in [loaded.train] + (loaded.test.map { [$0] } ?? []) {
            digest.add(split.inputs)
            digest.add(split.targets)
        }
        dataDigest = digest.hex
        let lastLayer = plan.model.last?.position ?? plan.datasetPosition
        var warnings = loaded.warnings
        let outputs = try Self.outputSize(of: plan, inputSize: loaded.train.features, warnings: &warnings)
        let encoding: TargetEncoding
        do {
            encoding = try TargetEncoding.choose(loss: plan.loss, classNames: loaded.classNames,
                                                 targetColumns: loaded.train.targets.columns, outputs: outputs)
        } catch let error as ComponentError {
            throw lastLayer.error(error.description)
        }
        // Moved out of `loaded`, so the matrices are uniquely referenced and change in place.
        var train = loaded.train
        loaded.train = DataSplit(inputs: Matrix(rows: 0, columns: 0), targets: Matrix(rows: 0, columns: 0))
        if let problem = plan.loss.targetProblem(predictionColumns: outputs, target: encoding.encode(train.targets)) {
            throw lastLayer.error(problem)
        }
        test = loaded.test
        testSource = test == nil ? nil : .dataset
        loaded.test = nil
        if let split = plan.split {
            let rows: SplitRows
            do {
                rows = try split.rows(count: train.count, classes: loaded.classNames == nil ? nil : train.targets.classPerRow())
            } catch let error as SplitError {
                throw plan.dataError(error.message)
            }
            if !rows.test.isEmpty {
                if test != nil { warnings.append("the dataset's own test set is not used: split 'test' holds out \(rows.test.count) training rows instead") }
                test = train.subset(rows.test)
                testSource = .split
            }
            validation = rows.validation.isEmpty ? nil : train.subset(rows.validation)
            train.removeRows(sortedIndices: (rows.test + rows.validation).sorted())
            if let names = loaded.classNames {
                let trained = Set(train.targets.classPerRow())
                let heldOut = Set((test.map { $0.targets.classPerRow() } ?? []) + (validation?.targets.classPerRow() ?? []))
                for label in heldOut.subtracting(trained).sorted() where names.indices.contains(label) {
                    warnings.append("class '\(names[label])' has no training rows after the split: all its rows are held out, so no run can learn it")
                }
            }
            // Saved as rows of the file, which differ from sample indices when the loader skipped some.
            splitRows = loaded.trainRowNumbers.map { numbers in rows.map { numbers[$0] } } ?? rows
        }
        if loaded.classNames == nil, let run = plan.runs.first(where: { $0.restoreBest == .validationAccuracy }) {
            throw plan.dataError("run '\(run.label)' restores the best val_accuracy, but this dataset is a regression problem: use restore_best: val_loss")
        }
        // Fitted on the training rows only, applied unchanged to every split.
        preprocessor = try Preprocessor.fit(plan, trainingRows: train, featureNames: loaded.featureNames, classNames: loaded.classNames)
        preprocessor.transform(&train, encoding: encoding)
        if validation != nil { preprocessor.transform(&validation!, encoding: encoding) }
        if test != nil { preprocessor.transform(&test!, encoding: encoding) }
        self.train = train
        self.warnings = warnings
    }

    /// The width of the models' output; every run's own model must match the experiment's.
    private static func outputSize(of plan: ExperimentPlan, inputSize: Int, warnings: inout [String]) throws -> Int {
        var random = RandomGenerator(seed: 0)
        let probe: Sequential<Scalar> = try ModelBuilder.build(plan, inputSize: inputSize, random: &random)
        warnings += probe.trainingWarnings
        for run in plan.runs {
            guard let model = run.model else { continue }
            let own: Sequential<Scalar> = try ModelBuilder.build(plan, run: run, inputSize: inputSize, random: &random)
            guard own.outputSize == probe.outputSize else {
                throw (model.last?.position ?? plan.datasetPosition).error(
                    "run '\(run.label)' has a model with \(own.outputSize) outputs; the experiment's model has \(probe.outputSize) and every run must match")
            }
            warnings += own.trainingWarnings.map { "run '\(run.label)': \($0)" }
        }
        return probe.outputSize
    }

    /// Training points for decision-boundary charts (2-D classification only).
    var points: [LabeledPoint] {
        guard train.features == 2, isClassification else { return [] }
        let labels = train.targets.classPerRow()
        return (0..<train.count).map {
            LabeledPoint(x: Double(train.inputs[$0, 0]), y: Double(train.inputs[$0, 1]), label: labels[$0])
        }
    }
}
