import BackpropCore

/// The learning rate for each epoch, from the optimizer's base `lr`.
///
/// Schedules work per epoch (0-based: `epoch` is the number of epochs already
/// completed), like torch.optim.lr_scheduler stepped once per epoch. A
/// schedule is a value: each run trains with its own copy, so state such as
/// reduce-on-plateau's (changed by `observe`) belongs to that run.
public protocol LearningRateSchedule: Component {
    func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double
    /// Called after each epoch with the monitored loss (validation loss when there is one).
    mutating func observe(loss: Double)
}

extension LearningRateSchedule {
    public mutating func observe(loss: Double) {}
}
