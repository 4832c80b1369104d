import RealModule

/// The training loop shared by every run: batches, forward, loss, backward,
/// clipping, optimizer step, then metrics, schedule and stopping per epoch.
///
/// Buffers (the batch, the loss gradient, the model's activations, the
/// optimizer's state) are made on the first step and reused, so a warm
/// training step allocates nothing. A run that diverges (NaN/Inf, or a loss
/// blow-up) ends with `stopReason == .diverged`; it never stops the process.
public final class Trainer<Scalar: BLASScalar> {
    public let model: Sequential<Scalar>
    public let loss: any Loss<Scalar>
    public let optimizer: any Optimizer<Scalar>
    public let schedule: any LearningRateSchedule
    public let configuration: TrainingConfiguration

    private let parameters: [Parameter<Scalar>]
    /// Parameters grouped by layer, for per-layer gradient norms.
    private let layerParameters: [(name: String, parameters: [Parameter<Scalar>])]
    private let baseLearningRate: Double
    private let evaluator: Evaluator<Scalar>
    private var batchInputs = Matrix<Scalar>(rows: 0, columns: 0)
    private var batchTargets = Matrix<Scalar>(rows: 0, columns: 0)
    private var lossGradient = Matrix<Scalar>(rows: 0, columns: 0)
    private var layerNormSums: [Double]

    public init(model: Sequential<Scalar>, loss: any Loss<Scalar>, optimizer: any Optimizer<Scalar>,
                schedule: any LearningRateSchedule = ConstantSchedule(), configuration: TrainingConfiguration) {
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.schedule = schedule
        self.configuration = configuration
        parameters = model.parameters
        layerParameters = model.layers.enumerated().compactMap { index, layer in
            layer.parameters.isEmpty ? nil : (name: "layer\(index + 1).\(layer.kind)", parameters: layer.parameters)
        }
        baseLearningRate = optimizer.learningRate
        evaluator = Evaluator(accuracyRule: configuration.accuracyRule)
        layerNormSums = Array(repeating: 0, count: layerParameters.count)
    }

    /// Trains on `data`, reporting each epoch's record to `onEpoch` as it completes.
    public func train(
        on data: DataSplit<Scalar>, validation: DataSplit<Scalar>? = nil,
        onEpoch: (EpochRecord) -> Void = { _ in }
    ) -> TrainingHistory {
        let stopping = configuration.stopping
        let batchSize = configuration.batchSize.resolved(datasetSize: data.count)
        let stepsPerEpoch = (data.count + batchSize - 1) / batchSize
        var random = RandomGenerator(seed: configuration.seed)
        var shuffleRandom = random.split()
        model.reseed(random.next())
        var order = Array(0..<data.count)
        var history = TrainingHistory(
            records: [], stepLosses: [], stopReason: .completed, divergedAtEpoch: nil,
            thresholdEpoch: nil, thresholdSeconds: nil, layerNames: layerParameters.map(\.name))
        if configuration.recordStepLosses {
            history.stepLosses.reserveCapacity(stepsPerEpoch * configuration.epochs)
        }

        var steps = 0
        var samplesSeen = 0
        var seconds = 0.0
        var calmEpochs = 0
        var learningRate = schedule.learningRate(epoch: 0, base: baseLearningRate, totalEpochs: configuration.epochs)
        let start = record(epoch: 0, step: 0, seconds: 0, samplesSeen: 0, learningRate: learningRate,
                           batchLoss: nil, gradientNorm: nil, layerNorms: [], data: data, validation: validation)
        let startingLoss = start.loss
        history.records.append(start)
        onEpoch(start)
        if !startingLoss.isFinite {
            history.divergedAtEpoch = 0
            history.stopReason = .diverged
            return history
        }
        if let threshold = stopping.lossBelow, startingLoss < threshold {
            history.thresholdEpoch = 0
            history.thresholdSeconds = 0
            history.stopReason = .lossBelow
            return history
        }

        let clock = ContinuousClock()
        epochs: for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            learningRate = schedule.learningRate(epoch: epoch - 1, base: baseLearningRate, totalEpochs: configuration.epochs)
            optimizer.learningRate = learningRate
            if configuration.shuffle { shuffleRandom.shuffle(&order) }
            for index in layerNormSums.indices { layerNormSums[index] = 0 }
            var batchLossSum = 0.0
            var globalNormSum = 0.0
            var stepsThisEpoch = 0
            let epochStart = clock.now

            var batchStart = 0
            while batchStart < data.count {
                let batchEnd = min(batchStart + batchSize, data.count)
                let batchLoss = trainStep(data: data, rows: order[batchStart..<batchEnd])
                batchStart = batchEnd
                if configuration.recordStepLosses { history.stepLosses.append(batchLoss.loss) }
                if !batchLoss.loss.isFinite || !batchLoss.globalNorm.isFinite {
                    seconds += (clock.now - epochStart).inSeconds
                    history.divergedAtEpoch = epoch
                    history.stopReason = .diverged
                    // No evaluation of a broken model: the record's loss is NaN.
                    let failed = record(
                        epoch: epoch, step: steps + stepsThisEpoch, seconds: seconds, samplesSeen: samplesSeen,
                        learningRate: learningRate, batchLoss: batchLoss.loss, gradientNorm: batchLoss.globalNorm,
                        layerNorms: [], data: nil, validation: nil)
                    history.records.append(failed)
                    onEpoch(failed)
                    break epochs
                }
                batchLossSum += batchLoss.loss
                globalNormSum += batchLoss.globalNorm
                stepsThisEpoch += 1
                samplesSeen += batchLoss.rows
            }
            seconds += (clock.now - epochStart).inSeconds
            steps += stepsThisEpoch

            let count = Double(max(stepsThisEpoch, 1))
            let current = record(
                epoch: epoch, step: steps, seconds: seconds, samplesSeen: samplesSeen, learningRate: learningRate,
                batchLoss: batchLossSum / count, gradientNorm: globalNormSum / count,
                layerNorms: layerNormSums.map { $0 / count }, data: data, validation: validation)
            history.records.append(current)
            onEpoch(current)
            schedule.observe(loss: current.validationLoss ?? current.loss)

            if !current.loss.isFinite || current.loss > stopping.divergenceFactor * max(startingLoss, 1e-12) {
                history.divergedAtEpoch = epoch
                history.stopReason = .diverged
                break
            }
            if history.thresholdEpoch == nil, let threshold = stopping.lossBelow, current.loss < threshold {
                history.thresholdEpoch = epoch
                history.thresholdSeconds = seconds
                history.stopReason = .lossBelow
                break
            }
            if let minDelta = stopping.minDelta {
                let previous = history.records[history.records.count - 2].loss
                calmEpochs = abs(previous - current.loss) < minDelta ? calmEpochs + 1 : 0
                if calmEpochs >= stopping.patience {
                    history.stopReason = .converged
                    break
                }
            }
            if let budget = stopping.maxSeconds, seconds >= budget {
                history.stopReason = .timeLimit
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
            gradientNorm: gradientNorm, layerGradientNorms: layerNorms)
    }

}
