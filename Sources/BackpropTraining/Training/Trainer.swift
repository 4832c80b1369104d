import RealModule
import BackpropComponents

/// The training loop shared by every run: batches, forward, loss, backward,
/// clipping, optimizer step, then metrics, schedule and stopping per epoch.
///
/// Buffers (the batch, the loss gradient, the model's activations, the
/// optimizer's state) are made on the first step and reused, so a warm
/// training step allocates nothing. A run that diverges (NaN/Inf, or a loss
/// blow-up) ends with `stopReason == .diverged`; it never stops the process.
/// An `Interruption` ends it before the next step (`.interrupted`).
package final class Trainer<Scalar: BLASScalar> {
    package let model: Sequential<Scalar>
    package let loss: any Loss
    package let optimizer: Optimizer<Scalar>
    /// The schedule as given; each `train` runs with its own copy.
    package let schedule: any LearningRateSchedule
    package let configuration: TrainingConfiguration

    private let parameters: [Parameter<Scalar>]
    /// Parameters grouped by layer, for per-layer gradient norms.
    private let layerParameters: [(name: String, parameters: [Parameter<Scalar>])]
    private let baseLearningRate: Double
    private let evaluator: Evaluator<Scalar>
    // Unchecked for speed, as Parameter.value.
    @exclusivity(unchecked) private var batchInputs = Matrix<Scalar>(rows: 0, columns: 0)
    @exclusivity(unchecked) private var batchTargets = Matrix<Scalar>(rows: 0, columns: 0)
    @exclusivity(unchecked) private var lossGradient = Matrix<Scalar>(rows: 0, columns: 0)
    private var layerNormSums: [Double]

    package init(model: Sequential<Scalar>, loss: any Loss, optimizer: Optimizer<Scalar>,
                schedule: any LearningRateSchedule = ConstantSchedule(), configuration: TrainingConfiguration) {
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.schedule = schedule
        self.configuration = configuration
        parameters = model.parameters
        layerParameters = model.layers.enumerated().compactMap { index, layer in
            layer.parameters.isEmpty ? nil : (name: Sequential<Scalar>.layerName(index: index, kind: layer.kind), parameters: layer.parameters)
        }
        baseLearningRate = optimizer.learningRate
        let classification = configuration.classification ?? loss.targets.needsClasses
        evaluator = Evaluator(countsClasses: classification, scoresRegression: !classification && loss.targets == .values,
                              targetScaling: configuration.targetScaling)
        layerNormSums = Array(repeating: 0, count: layerParameters.count)
    }

    /// Trains on `data`, reporting each epoch's record to `onEpoch` as it
    /// completes. With `restoreBest`, the model ends with the weights of its
    /// best validation epoch (`restoredEpoch`). Specialized here, as the
    /// experiment runner in another module calls it generically.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func train(
        on data: DataSplit<Scalar>, validation: DataSplit<Scalar>? = nil,
        onEpoch: (EpochRecord) -> Void = { _ in }
    ) -> TrainingHistory {
        let best = configuration.restoreBest.map { criterion in (criterion, BestWeights(model.parametersAndBuffers)) }
        var history = epochs(on: data, validation: validation) { record in
            onEpoch(record)
            best?.1.offer(best?.0.score(of: record), epoch: record.epoch)
        }
        history.restoredEpoch = best?.1.restore()
        return history
    }

    /// The training loop, epoch by epoch, until the epochs or a stop rule end it.
    private func epochs(
        on data: DataSplit<Scalar>, validation: DataSplit<Scalar>?, onEpoch: (EpochRecord) -> Void
    ) -> TrainingHistory {
        let batchSize = configuration.batchSize.resolved(datasetSize: data.count)
        var random = RandomGenerator(seed: configuration.seed)
        var shuffleRandom = random.split()
        model.reseed(random.next())
        var order = Array(0..<data.count)
        var schedule = self.schedule
        var history = TrainingHistory(
            records: [], stepLosses: [], stopReason: .completed, divergedAtEpoch: nil,
            thresholdEpoch: nil, thresholdSeconds: nil, layerNames: layerParameters.map(\.name))
        if configuration.recordStepLosses {
            history.stepLosses.reserveCapacity((data.count + batchSize - 1) / batchSize * configuration.epochs)
        }
        func add(_ record: EpochRecord) {
            history.keep(record)
            onEpoch(record)
        }

        var steps = 0
        var samplesSeen = 0
        var seconds = 0.0
        // `seconds` counts the training steps (the charts' time axis); max_seconds counts all of the run's time.
        let clock = ContinuousClock()
        let runStart = clock.now
        var learningRate = schedule.learningRate(epoch: 0, base: baseLearningRate, totalEpochs: configuration.epochs)
        let start = record(epoch: 0, step: 0, seconds: 0, samplesSeen: 0, learningRate: learningRate,
                           batchLoss: nil, gradientNorm: nil, layerNorms: [], data: data, validation: validation)
        add(start)
        var monitor = StopMonitor(configuration.stopping, startingLoss: start.loss)
        if let reason = monitor.verdictBeforeTraining() {
            history.stop(reason, epoch: 0, seconds: 0)
            return history
        }

        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            learningRate = schedule.learningRate(epoch: epoch - 1, base: baseLearningRate, totalEpochs: configuration.epochs)
            optimizer.learningRate = learningRate
            if configuration.shuffle { shuffleRandom.shuffle(&order) }
            let epochStart = clock.now
            let epochSteps = runEpoch(data, order: order, batchSize: batchSize, stepLosses: &history.stepLosses)
            seconds += (clock.now - epochStart).inSeconds
            if epochSteps.interrupted {
                history.stop(.interrupted, epoch: epoch, seconds: seconds)
                break
            }
            if let failure = epochSteps.failure {
                // No evaluation of a broken model: the record's loss is NaN.
                add(record(epoch: epoch, step: steps + epochSteps.steps, seconds: seconds, samplesSeen: samplesSeen + epochSteps.samples,
                           learningRate: learningRate, batchLoss: failure.loss, gradientNorm: failure.globalNorm,
                           layerNorms: [], data: nil, validation: nil))
                history.stop(.diverged, epoch: epoch, seconds: seconds)
                break
            }
            steps += epochSteps.steps
            samplesSeen += epochSteps.samples
            let count = Double(max(epochSteps.steps, 1))
            let current = record(
                epoch: epoch, step: steps, seconds: seconds, samplesSeen: samplesSeen, learningRate: learningRate,
                batchLoss: epochSteps.lossSum / count, gradientNorm: epochSteps.normSum / count,
                layerNorms: layerNormSums.map { $0 / count }, data: data, validation: validation)
            add(current)
            schedule.observe(loss: current.validationLoss ?? current.loss)
            if let reason = monitor.verdict(after: current, wallSeconds: (clock.now - runStart).inSeconds) {
                history.stop(reason, epoch: epoch, seconds: seconds)
                break
            }
        }
        return history
    }

    struct StepResult {
        var loss: Double
        var globalNorm: Double
        var rows: Int
    }

    /// What one epoch's steps added up to.
    private struct EpochSteps {
        var steps = 0
        var samples = 0
        var lossSum = 0.0
        var normSum = 0.0
        /// The step whose loss or gradient was not finite, which ends the run.
        var failure: StepResult?
        /// Stopped by an `Interruption` before the epoch's end.
        var interrupted = false
    }

    /// One pass over `data` in `order`, stopping at the first step that is not finite.
    private func runEpoch(_ data: DataSplit<Scalar>, order: [Int], batchSize: Int, stepLosses: inout [Double]) -> EpochSteps {
        for index in layerNormSums.indices { layerNormSums[index] = 0 }
        var sums = EpochSteps()
        var batchStart = 0
        while batchStart < data.count {
            if configuration.interruption?.isRequested == true {
                sums.interrupted = true
                return sums
            }
            let batchEnd = min(batchStart + batchSize, data.count)
            let result = trainStep(data: data, rows: order[batchStart..<batchEnd])
            batchStart = batchEnd
            if configuration.recordStepLosses { stepLosses.append(result.loss) }
            guard result.loss.isFinite && result.globalNorm.isFinite else {
                sums.failure = result
                return sums
            }
            sums.lossSum += result.loss
            sums.normSum += result.globalNorm
            sums.steps += 1
            sums.samples += result.rows
        }
        return sums
    }

    /// One optimizer step on the given rows. Allocates nothing once warm.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func trainStep(data: DataSplit<Scalar>, rows: ArraySlice<Int>) -> StepResult {
        batchInputs.gatherRows(of: data.inputs, at: rows)
        batchTargets.gatherRows(of: data.targets, at: rows)
        let prediction = model.forward(batchInputs, training: true)
        let batchLoss = Double(loss.value(prediction: prediction, target: batchTargets))
        loss.gradient(prediction: prediction, target: batchTargets, into: &lossGradient)
        model.backward(input: batchInputs, outputGradient: lossGradient)

        var total = 0.0
        for (layer, entry) in layerParameters.enumerated() {
            var squares = 0.0
            for parameter in entry.parameters { squares += Double(parameter.gradient.sumOfSquares) }
            layerNormSums[layer] += squares.squareRoot()
            total += squares
        }
        let globalNorm = total.squareRoot()
        if let clipping = configuration.clipping {
            clipping.apply(to: parameters, globalNorm: globalNorm)
        }
        if batchLoss.isFinite && globalNorm.isFinite {
            optimizer.step(parameters)
        }
        return StepResult(loss: batchLoss, globalNorm: globalNorm, rows: rows.count)
    }

    private func record(
        epoch: Int, step: Int, seconds: Double, samplesSeen: Int, learningRate: Double,
        batchLoss: Double?, gradientNorm: Double?, layerNorms: [Double],
        data: DataSplit<Scalar>?, validation: DataSplit<Scalar>?
    ) -> EpochRecord {
        let training = data.map { evaluator.evaluate(model: model, loss: loss, on: $0) }
        let held = validation.map { evaluator.evaluate(model: model, loss: loss, on: $0) }
        return EpochRecord(
            epoch: epoch, step: step, seconds: seconds, samplesSeen: samplesSeen, learningRate: learningRate,
            loss: training?.loss ?? .nan, accuracy: training?.accuracy, batchLoss: batchLoss,
            validationLoss: held?.loss, validationAccuracy: held?.accuracy,
            regression: training?.regression, validationRegression: held?.regression,
            gradientNorm: gradientNorm, layerGradientNorms: layerNorms)
    }
}
