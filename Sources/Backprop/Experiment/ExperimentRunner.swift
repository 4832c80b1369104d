import Dispatch
import Foundation

/// Trains every run x seed of an experiment on the shared core.
///
/// Jobs run side by side, one per core, with BLAS held to one thread each (many
/// small products gain nothing from threads and would fight over the cores); a
/// single job gets every core through BLAS. Data is loaded once, in the
/// experiment's precision, and shared read-only by all jobs.
public enum ExperimentRunner {
    /// With `checkpoint: {every: N}` in the file, model and optimizer are saved
    /// every N epochs and at the end into `checkpointDirectory`.
    public static func run(_ plan: ExperimentPlan, progress: any RunProgress = SilentProgress(),
                           checkpointDirectory: String? = nil,
                           cores: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> ExperimentResult {
        let checkpoints = plan.checkpointEvery == nil ? nil : checkpointDirectory
        switch plan.dtype {
        case .float32: return try run(plan, as: Float.self, progress: progress, checkpoints: checkpoints, cores: cores)
        case .float64: return try run(plan, as: Double.self, progress: progress, checkpoints: checkpoints, cores: cores)
        }
    }

    /// Prepared data: splits with targets encoded for the loss, features scaled.
    struct PreparedData<Scalar: BLASScalar>: @unchecked Sendable {
        var train: DataSplit<Scalar>
        var validation: DataSplit<Scalar>?
        var test: DataSplit<Scalar>?
        var featureNames: [String]
        var classNames: [String]?
        var encoding: TargetEncoding
        /// The feature scaling fitted on the training rows, saved with checkpoints.
        var scaling: FeatureScaling.Statistics?
        var warnings: [String]

        var isClassification: Bool { classNames != nil }
    }

    /// Loads the dataset and checks it against the model and loss: what
    /// `backprop validate` runs, and the first step of `run`. The training data
    /// is held once: validation rows are moved out of it in place, and scaling
    /// happens in place.
    static func prepare<Scalar: BLASScalar>(_ plan: ExperimentPlan, as scalar: Scalar.Type) throws -> PreparedData<Scalar> {
        var loaded: LoadedDataset<Scalar>
        do {
            loaded = try plan.dataset.load(as: Scalar.self, context: plan.datasetContext)
        } catch let error as DataError where error.line == nil && Registries.datasets.contains(error.file) {
            // A generator's own check (say, fewer samples than classes): point at `dataset:`.
            throw ExperimentError(file: plan.file, line: plan.datasetLine, column: plan.datasetColumn, message: error.description)
        }
        guard loaded.train.count >= 1 else {
            throw ExperimentError(file: plan.file, message: "the dataset has no training samples")
        }
        var random = RandomGenerator(seed: 0)
        let probe: Sequential<Scalar> = try ModelBuilder.build(plan, inputSize: loaded.train.features, random: &random)
        var warnings = probe.trainingWarnings
        for run in plan.runs {
            guard let model = run.model else { continue }
            let own: Sequential<Scalar> = try ModelBuilder.build(plan, run: run, inputSize: loaded.train.features, random: &random)
            guard own.outputSize == probe.outputSize else {
                throw ExperimentError(file: plan.file, line: model.last?.line, column: model.last?.column,
                                      message: "run '\(run.label)' has a model with \(own.outputSize) outputs; the experiment's model has \(probe.outputSize) and every run must match")
            }
            warnings += own.trainingWarnings.map { "run '\(run.label)': \($0)" }
        }
        let encoding: TargetEncoding
        do {
            encoding = try TargetEncoding.choose(
                lossName: plan.lossName, classNames: loaded.classNames, targetColumns: loaded.train.targets.columns,
                outputs: probe.outputSize)
        } catch let error as ComponentError {
            let last = plan.model.last
            throw ExperimentError(file: plan.file, line: last?.line, column: last?.column, message: error.description)
        }
        // Move the matrices out of `loaded` so they are uniquely referenced and change in place.
        var train = loaded.train
        loaded.train = DataSplit(inputs: Matrix(rows: 0, columns: 0), targets: Matrix(rows: 0, columns: 0))
        train.targets = encoding.encode(train.targets)
        let loss = plan.loss.makeLoss(as: Scalar.self)
        if let problem = loss.targetProblem(predictionColumns: probe.outputSize, target: train.targets) {
            throw ExperimentError(file: plan.file, line: plan.model.last?.line, column: plan.model.last?.column, message: problem)
        }
        var validation: DataSplit<Scalar>?
        if let split = plan.validationSplit {
            let held = split.count(of: train.count)
            guard held >= 1, held < train.count else {
                throw ExperimentError(file: plan.file, line: plan.datasetLine, column: plan.datasetColumn,
                                      message: "split 'validation' must leave at least one sample on each side; the dataset has \(train.count)")
            }
            // A fixed shuffle, the same for every run and seed, picks the held-out rows.
            var order = Array(0..<train.count)
            var splitRandom = RandomGenerator(seed: 0x5EED)
            splitRandom.shuffle(&order)
            let heldOut = order[..<held].sorted()
            validation = train.subset(heldOut)
            train.removeRows(sortedIndices: heldOut)
        }
        var test = loaded.test.map { DataSplit(inputs: $0.inputs, targets: encoding.encode($0.targets)) }
        loaded.test = nil
        // Statistics from the training rows only, applied to every split.
        let statistics = plan.featureScaling.map { FeatureScaling.statistics($0, of: train.inputs) }
        if let statistics {
            statistics.apply(to: &train.inputs)
            if validation != nil { statistics.apply(to: &validation!.inputs) }
            if test != nil { statistics.apply(to: &test!.inputs) }
        }
        return PreparedData(train: train, validation: validation, test: test, featureNames: loaded.featureNames,
                            classNames: loaded.classNames, encoding: encoding, scaling: statistics, warnings: warnings)
    }

    /// Checks the whole experiment without training: file, data, model, loss.
    public static func validate(_ plan: ExperimentPlan) throws -> [String] {
        switch plan.dtype {
        case .float32: return try prepare(plan, as: Float.self).warnings
        case .float64: return try prepare(plan, as: Double.self).warnings
        }
    }

    static func run<Scalar: BLASScalar>(_ plan: ExperimentPlan, as scalar: Scalar.Type, progress: any RunProgress,
                                        checkpoints: String?, cores: Int) throws -> ExperimentResult {
        let clock = ContinuousClock()
        let start = clock.now
        let data = try prepare(plan, as: Scalar.self)
        let jobs = plan.runs.flatMap { run in plan.seeds.map { (run: run, seed: $0) } }
        let parallel = jobs.count > 1 && cores > 1
        BLASThreads.set(parallel ? 1 : cores)

        let results = ResultSlots(count: jobs.count)
        let work: @Sendable (Int) -> Void = { index in
            let job = jobs[index]
            progress.jobStarted(label: job.run.label, seed: job.seed, job: index, of: jobs.count)
            let result = Result { try runJob(plan, job.run, seed: job.seed, data: data, progress: progress, checkpoints: checkpoints) }
            results.set(index, result)
            if case .success(let value) = result { progress.jobFinished(value, job: index, of: jobs.count) }
        }
        if parallel {
            let queue = DispatchQueue(label: "backprop.jobs", attributes: .concurrent)
            let group = DispatchGroup()
            let slots = DispatchSemaphore(value: cores)
            for index in jobs.indices {
                slots.wait()
                queue.async(group: group) {
                    work(index)
                    slots.signal()
                }
            }
            group.wait()
        } else {
            jobs.indices.forEach(work)
        }

        let elapsed = clock.now - start
        return ExperimentResult(
            plan: plan, runs: try results.values(), featureNames: data.featureNames, classNames: data.classNames,
            trainingSamples: data.train.count, validationSamples: data.validation?.count ?? 0, testSamples: data.test?.count ?? 0,
            points: trainingPoints(data), warnings: data.warnings,
            wallSeconds: elapsed.inSeconds)
    }

    static func runJob<Scalar: BLASScalar>(_ plan: ExperimentPlan, _ run: RunPlan, seed: UInt64, data: PreparedData<Scalar>,
                                           progress: any RunProgress, checkpoints: String?) throws -> RunResult {
        let clock = ContinuousClock()
        let start = clock.now
        var random = RandomGenerator(seed: seed)
        let model: Sequential<Scalar> = try ModelBuilder.build(plan, run: run, inputSize: data.train.features, random: &random)
        let loss = plan.loss.makeLoss(as: Scalar.self)
        let optimizer = try run.optimizer.makeOptimizer(as: Scalar.self)
        let configuration = TrainingConfiguration(
            epochs: run.epochs, batchSize: run.batch, shuffle: run.shuffle, seed: random.next(), stopping: run.stopping,
            clipping: run.clipping, recordStepLosses: run.recordSteps, accuracyRule: .choose(isClassification: data.isClassification, loss: loss))
        let trainer = Trainer(model: model, loss: loss, optimizer: optimizer, schedule: run.schedule.makeSchedule(),
                              configuration: configuration)
        var checkpointError: Error?
        func saveCheckpoint(epoch: Int) {
            guard let checkpoints, checkpointError == nil else { return }
            do {
                try OutputWriter.makeDirectory(checkpoints)
                try Checkpoint(model: model, optimizer: optimizer, experimentSource: plan.source, experimentFile: plan.file,
                               baseDirectory: plan.baseDirectory, runLabel: run.label, seed: seed, epoch: epoch,
                               classNames: data.classNames, scaling: data.scaling)
                    .write(to: checkpoints + "/" + Checkpoint.fileName(run: (plan.runs.firstIndex { $0.label == run.label } ?? 0) + 1,
                                                           label: run.label, seed: seed, epoch: epoch))
            } catch {
                checkpointError = error
            }
        }
        let history = trainer.train(on: data.train, validation: data.validation) { record in
            progress.epochFinished(label: run.label, seed: seed, record: record, epochs: run.epochs)
            if let every = plan.checkpointEvery, record.epoch > 0, record.epoch % every == 0 { saveCheckpoint(epoch: record.epoch) }
        }
        if let last = history.last, let every = plan.checkpointEvery, last.epoch % every != 0, !history.diverged {
            saveCheckpoint(epoch: last.epoch)
        }
        if let checkpointError { throw checkpointError }
        let evaluator = Evaluator<Scalar>(accuracyRule: configuration.accuracyRule)
        let test = data.test.map { testMetrics(model: model, loss: loss, evaluator: evaluator, split: $0, classes: data.classNames?.count) }
        let grid = seed == plan.seeds.first && plan.plots.contains("decision_boundary")
            ? decisionGrid(model: model, data: data) : nil
        let elapsed = clock.now - start
        return RunResult(label: run.label, seed: seed, history: history,
                         wallSeconds: elapsed.inSeconds,
                         decisionGrid: grid, test: test)
    }

    static func testMetrics<Scalar: BLASScalar>(model: Sequential<Scalar>, loss: any Loss<Scalar>, evaluator: Evaluator<Scalar>,
                                                split: DataSplit<Scalar>, classes: Int?) -> TestMetrics {
        let result = evaluator.evaluate(model: model, loss: loss, on: split)
        var confusion: [[Int]]?
        if let classes {
            let predictions = predictedClasses(evaluator.predict(model: model, inputs: split.inputs), of: model)
            let actual = split.targets.classPerRow()
            var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
            for (truth, guess) in zip(actual, predictions) where truth < classes && guess < classes { counts[truth][guess] += 1 }
            confusion = counts
        }
        return TestMetrics(loss: result.loss, accuracy: result.accuracy, confusion: confusion)
    }

    /// Class per row of `model`'s outputs: argmax for several outputs; for one
    /// output, above the midpoint — 0.5 when the last layer squashes to [0, 1]
    /// (sigmoid, softmax, step), else 0 (a logit, where σ = 0.5).
    static func predictedClasses<Scalar: BLASScalar>(_ outputs: Matrix<Scalar>, of model: Sequential<Scalar>) -> [Int] {
        guard outputs.columns == 1 else { return outputs.argmaxPerRow() }
        let squashed = model.layers.last.map { $0 is Sigmoid<Scalar> || $0 is Softmax<Scalar> || $0 is Step<Scalar> } ?? false
        let threshold: Scalar = squashed ? 0.5 : 0
        return outputs.storage.map { $0 > threshold ? 1 : 0 }
    }

    static func decisionGrid<Scalar: BLASScalar>(model: Sequential<Scalar>, data: PreparedData<Scalar>) -> DecisionGrid? {
        guard data.train.features == 2, data.isClassification, data.train.count > 0 else { return nil }
        let xs = (0..<data.train.count).map { Double(data.train.inputs[$0, 0]) }
        let ys = (0..<data.train.count).map { Double(data.train.inputs[$0, 1]) }
        guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else { return nil }
        let xPad = max((xMax - xMin) * 0.1, 0.1), yPad = max((yMax - yMin) * 0.1, 0.1)
        let resolution = 120
        var grid = Matrix<Scalar>(rows: resolution * resolution, columns: 2)
        for row in 0..<resolution {
            for column in 0..<resolution {
                let index = row * resolution + column
                grid[index, 0] = Scalar(xMin - xPad + (xMax - xMin + 2 * xPad) * Double(column) / Double(resolution - 1))
                grid[index, 1] = Scalar(yMin - yPad + (yMax - yMin + 2 * yPad) * Double(row) / Double(resolution - 1))
            }
        }
        let outputs = Evaluator<Scalar>().predict(model: model, inputs: grid)
        return DecisionGrid(xRange: (xMin - xPad)...(xMax + xPad), yRange: (yMin - yPad)...(yMax + yPad), resolution: resolution,
                            classes: predictedClasses(outputs, of: model))
    }

    static func trainingPoints<Scalar: BLASScalar>(_ data: PreparedData<Scalar>) -> [LabeledPoint] {
        guard data.train.features == 2, data.isClassification else { return [] }
        let labels = data.train.targets.classPerRow()
        return (0..<data.train.count).map {
            LabeledPoint(x: Double(data.train.inputs[$0, 0]), y: Double(data.train.inputs[$0, 1]), label: labels[$0])
        }
    }
}

/// Results written by parallel jobs, each into its own slot.
final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<RunResult, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<RunResult, Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [RunResult] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { slot in
            guard let slot else { throw ComponentError("a training job did not finish") }
            return try slot.get()
        }
    }
}
