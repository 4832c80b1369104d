import RealModule

/// `lr = base · gamma^⌊epoch / step_size⌋` (torch StepLR).
public final class StepSchedule: LearningRateSchedule {
    public let stepSize: Int
    public let gamma: Double
    public init(stepSize: Int, gamma: Double = 0.1) {
        self.stepSize = stepSize
        self.gamma = gamma
    }
    public var kind: String { "step" }
    public var description: String { "step(step_size: \(stepSize), gamma: \(gamma))" }
    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * Double.pow(gamma, epoch / stepSize)
    }
}
