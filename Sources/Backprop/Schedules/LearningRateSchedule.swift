/// The learning rate for each epoch, from the optimizer's base `lr`.
///
/// Schedules work per epoch (0-based: `epoch` is the number of epochs already
/// completed), like torch.optim.lr_scheduler stepped once per epoch. A schedule
/// instance belongs to one run: `observe` lets reduce-on-plateau watch the loss.
public protocol LearningRateSchedule: AnyObject, CustomStringConvertible {
    var kind: String { get }
    func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double
    /// Called after each epoch with the monitored loss (validation loss when there is one).
    func observe(loss: Double)
}

extension LearningRateSchedule {
    public func observe(loss: Double) {}
    public var description: String { kind }
}
