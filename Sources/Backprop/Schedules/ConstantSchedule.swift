/// The base learning rate throughout.
public final class ConstantSchedule: LearningRateSchedule {
    public init() {}
    public var kind: String { "constant" }
    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double { base }
}
