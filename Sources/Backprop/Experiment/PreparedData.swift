/// An experiment's data ready to train on: the splits with targets encoded
/// for the loss and features scaled. Loaded once, in the experiment's
/// precision, and shared read-only by every job.
struct PreparedData<Scalar: BLASScalar>: @unchecked Sendable {
    var train: DataSplit<Scalar>
    var validation: DataSplit<Scalar>?
    var test: DataSplit<Scalar>?
    var featureNames: [String]
    var classNames: [String]?
    var encoding: TargetEncoding
    /// The feature scaling fitted on the training rows, saved with checkpoints.
    var scaling: FeatureScaling.Statistics?
    /// Warnings for a learner (a step activation in a trained model).
    var warnings: [String]

    var isClassification: Bool { classNames != nil }

    /// Loads the dataset and checks it against every run's model and the loss:
    /// what `backprop validate` runs, and the first step of a run. The training
    /// data is held once: validation rows move out of it and scaling happens in place.
    init(_ plan: ExperimentPlan) throws {
        var loaded = try plan.dataset.load(as: Scalar.self, context: plan.datasetContext)
        guard loaded.train.count >= 1 else {
            throw plan.dataError("the dataset has no training samples")
        }
        let lastLayer = plan.model.last?.position ?? plan.datasetPosition
        var warnings: [String] = []
        let outputs = try Self.outputSize(of: plan, inputSize: loaded.train.features, warnings: &warnings)
        do {
            encoding = try TargetEncoding.choose(loss: plan.loss, classNames: loaded.classNames,
                                                 targetColumns: loaded.train.targets.columns, outputs: outputs)
        } catch let error as ComponentError {
            throw lastLayer.error(error.description)
        }
        // Moved out of `loaded`, so the matrices are uniquely referenced and change in place.
        var train = loaded.train
        loaded.train = DataSplit(inputs: Matrix(rows: 0, columns: 0), targets: Matrix(rows: 0, columns: 0))
        train.targets = encoding.encode(train.targets)
        if let problem = plan.loss.targetProblem(predictionColumns: outputs, target: train.targets) {
            throw lastLayer.error(problem)
        }
        validation = try plan.validationSplit.map { split in try Self.holdOut(split, from: &train, plan: plan) }
        test = loaded.test.map { [encoding] in DataSplit(inputs: $0.inputs, targets: encoding.encode($0.targets)) }
        loaded.test = nil
        // Statistics from the training rows only, applied to every split.
        scaling = plan.featureScaling.map { FeatureScaling.statistics($0, of: train.inputs) }
        if let scaling {
            scaling.apply(to: &train.inputs)
            if validation != nil { scaling.apply(to: &validation!.inputs) }
            if test != nil { scaling.apply(to: &test!.inputs) }
        }
        self.train = train
        featureNames = loaded.featureNames
        classNames = loaded.classNames
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

    /// Moves the validation rows out of `train`. A fixed shuffle, the same for
    /// every run and seed, picks them.
    private static func holdOut(_ split: ValidationSplit, from train: inout DataSplit<Scalar>, plan: ExperimentPlan) throws -> DataSplit<Scalar> {
        let held = split.count(of: train.count)
        guard held >= 1, held < train.count else {
            throw plan.dataError("split 'validation' must leave at least one sample on each side; the dataset has \(train.count)")
        }
        var order = Array(0..<train.count)
        var random = RandomGenerator(seed: 0x5EED)
        random.shuffle(&order)
        let heldOut = order[..<held].sorted()
        let validation = train.subset(heldOut)
        train.removeRows(sortedIndices: heldOut)
        return validation
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
