import RealModule

/// `lr = base · gamma^epoch` (torch ExponentialLR).
public struct ExponentialSchedule: LearningRateSchedule {
    public static let name = "exponential"
    public static let summary = "lr·gamma^epoch"
    public let gamma: Double

    public init(settings: Settings) throws {
        gamma = try settings.double("gamma", default: nil, .positive)
    }

    public var description: String { "exponential(gamma: \(gamma))" }

    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * Double.pow(gamma, epoch)
    }
}
