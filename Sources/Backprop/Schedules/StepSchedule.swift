import RealModule

/// `lr = base · gamma^⌊epoch / step_size⌋` (torch StepLR).
public struct StepSchedule: LearningRateSchedule {
    public static let name = "step"
    public static let summary = "lr·gamma^⌊epoch/step_size⌋"
    public let stepSize: Int
    public let gamma: Double

    public init(settings: Settings) throws {
        stepSize = try settings.int("step_size", default: nil, .count)
        gamma = try settings.double("gamma", default: 0.1, .positive)
    }

    public var description: String { "step(step_size: \(stepSize), gamma: \(gamma))" }

    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * Double.pow(gamma, epoch / stepSize)
    }
}
