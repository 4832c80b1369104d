import BackpropTraining

/// One run x seed: builds the model, optimizer and schedule from the plan,
/// trains, and measures what the report needs afterwards.
struct TrainingJob: Sendable {
    let plan: ExperimentPlan
    let run: RunPlan
    let seed: UInt64
    let options: ExperimentRunner.Options
    /// The trial's identity (`TrialKey`).
    let key: String

    init(plan: ExperimentPlan, run: RunPlan, seed: UInt64, options: ExperimentRunner.Options, dataDigest: String) {
        (self.plan, self.run, self.seed, self.options) = (plan, run, seed, options)
        key = TrialKey.make(plan: plan, run: run, seed: seed, dataDigest: dataDigest)
    }

    /// Whether this job draws a decision grid (the smallest seed, whatever the seeds' order, when a chart wants one).
    var drawsDecisionGrid: Bool { options.decisionGrid && seed == plan.seeds.min() }

    /// The finished trial from `store`, under this run's label, if it has
    /// everything this job would compute (a file that asks for checkpoints
    /// trains again: a reused trial has none to write).
    func reuse(from store: (any TrialStore)?) -> RunResult? {
        guard plan.checkpointEvery == nil, var result = store?.load(key: key), result.seed == seed,
              !drawsDecisionGrid || result.decisionGrid != nil else { return nil }
        result.label = run.label
        if !drawsDecisionGrid { result.decisionGrid = nil }
        return result
    }

    /// Work in multiply-adds, roughly: each sample passes forward and back
    /// through every weight, and every step has a fixed overhead (the
    /// optimizer's update, bookkeeping) worth some thousands of them.
    func estimatedCost<Scalar>(on data: PreparedData<Scalar>) -> Double {
        let samples = data.train.count, batch = run.batch.resolved(datasetSize: samples)
        let parameters = ModelBuilder.parameterCount(run.model ?? plan.model, inputSize: data.train.features)
        let steps = (samples + batch - 1) / batch
        return Double(run.epochs) * (3 * Double(samples) * Double(parameters) + Double(steps) * (2000 + Double(parameters)))
    }

    /// The trial's result, or nil when an `Interruption` stopped it before its end.
    func train<Scalar: BLASScalar>(on data: PreparedData<Scalar>, progress: any RunProgress) throws -> RunResult? {
        let clock = ContinuousClock()
        let start = clock.now
        var random = RandomGenerator(seed: seed)
        let model: Sequential<Scalar> = try ModelBuilder.build(plan, run: run, inputSize: data.train.features, random: &random)
        let optimizer = Optimizer<Scalar>(run.optimizer)
        let configuration = TrainingConfiguration(
            epochs: run.epochs, batchSize: run.batch, shuffle: run.shuffle, seed: random.next(), stopping: run.stopping,
            clipping: run.clipping, recordStepLosses: run.recordSteps, classification: data.isClassification,
            targetScaling: data.targetScaling, restoreBest: run.restoreBest, interruption: options.interruption)
        let trainer = Trainer(model: model, loss: plan.loss, optimizer: optimizer, schedule: run.schedule, configuration: configuration)
        var checkpointError: Error?
        func saveCheckpoint(epoch: Int, withOptimizer: Bool = true) {
            guard let save = options.saveCheckpoint, checkpointError == nil else { return }
            do {
                try save(Checkpoint(model: model, optimizer: withOptimizer ? optimizer : nil, experimentSource: plan.source, experimentFile: plan.file,
                                    baseDirectory: plan.baseDirectory, runLabel: run.label, seed: seed, epoch: epoch,
                                    preprocessor: data.preprocessor, dataDigest: data.dataDigest))
            } catch {
                checkpointError = error
            }
        }
        let history = trainer.train(on: data.train, validation: data.validation) { record in
            progress.epochFinished(label: run.label, seed: seed, record: record, epochs: run.epochs)
            if let every = plan.checkpointEvery, record.epoch > 0, record.epoch % every == 0 { saveCheckpoint(epoch: record.epoch) }
        }
        if history.stopReason == .interrupted { return nil }
        // The end of the run: the weights it ended with, unless the loop saved that epoch already.
        // With restore_best these are the best epoch's, saved under that epoch and, when it is not
        // the last, without the optimizer state (which would be the last epoch's).
        if let every = plan.checkpointEvery, let last = history.last, !history.diverged || history.restoredEpoch != nil {
            let end = history.restoredEpoch ?? last.epoch
            if end == 0 || end % every != 0 { saveCheckpoint(epoch: end, withOptimizer: end == last.epoch) }
        }
        if let checkpointError { throw checkpointError }
        // Measured once, on the weights the run ended with (the best ones with restore_best);
        // a diverged run's weights measure nothing.
        let measurable = !history.diverged || history.restoredEpoch != nil
        let test = data.test.flatMap { split in measurable ? split : nil }.map {
            TestMetrics(model: model, loss: plan.loss, split: $0, classes: data.classNames?.count, targetScaling: data.targetScaling,
                        epoch: history.restoredEpoch ?? history.last?.epoch)
        }
        let grid = drawsDecisionGrid ? DecisionGrid(model: model, loss: plan.loss, data: data) : nil
        return RunResult(label: run.label, seed: seed, history: history, wallSeconds: (clock.now - start).inSeconds,
                         decisionGrid: grid, test: test, trialKey: key, kernel: BLASKernel.coreName)
    }
}
