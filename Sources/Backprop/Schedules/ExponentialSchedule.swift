import RealModule

/// `lr = base · gamma^epoch` (torch ExponentialLR).
public final class ExponentialSchedule: LearningRateSchedule {
    public let gamma: Double
    public init(gamma: Double) { self.gamma = gamma }
    public var kind: String { "exponential" }
    public var description: String { "exponential(gamma: \(gamma))" }
    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * Double.pow(gamma, epoch)
    }
}
