import BackpropComponents

/// How one run trains: epochs, batch size, order, stopping, clipping.
package struct TrainingConfiguration: Sendable {
    package var epochs: Int
    package var batchSize: BatchSize
    /// Reshuffle the training order every epoch (seeded); false keeps data order,
    /// so a run can be compared exactly with another implementation.
    package var shuffle: Bool
    package var seed: UInt64
    package var stopping: StoppingCriteria
    package var clipping: GradientClipping?
    /// Keep the loss of every mini-batch (`TrainingHistory.stepLosses`).
    package var recordStepLosses: Bool
    /// Whether targets are classes, so accuracy is counted (else RMSE, MAE
    /// and R²); nil: when the loss needs classes.
    package var classification: Bool?
    /// The regression targets' scaling, undone for RMSE and MAE.
    package var targetScaling: FeatureScaling.Statistics?
    /// End with the weights of the best validation epoch.
    package var restoreBest: Metric?
    /// Checked before every step: once requested, the run ends at once with
    /// `stopReason == .interrupted` (its weights are mid-epoch: not a result).
    package var interruption: Interruption?

    package init(epochs: Int, batchSize: BatchSize, shuffle: Bool, seed: UInt64 = 1,
                stopping: StoppingCriteria = StoppingCriteria(), clipping: GradientClipping? = nil,
                recordStepLosses: Bool = false, classification: Bool? = nil,
                targetScaling: FeatureScaling.Statistics? = nil, restoreBest: Metric? = nil,
                interruption: Interruption? = nil) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.stopping = stopping
        self.clipping = clipping
        self.recordStepLosses = recordStepLosses
        self.classification = classification
        self.targetScaling = targetScaling
        self.restoreBest = restoreBest
        self.interruption = interruption
    }
}
