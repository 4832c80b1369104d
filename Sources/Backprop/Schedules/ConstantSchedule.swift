/// The base learning rate throughout.
public struct ConstantSchedule: LearningRateSchedule {
    public static let name = "constant"
    public static let summary = "the optimizer's lr throughout"
    public init() {}
    public init(settings: Settings) {}
    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double { base }
}
