import RealModule
import BackpropCore

/// `lr = base · gamma^epoch` (torch ExponentialLR).
package struct ExponentialSchedule: LearningRateSchedule {
    package static let name = "exponential"
    package static let summary = "lr·gamma^epoch"
    package let gamma: Double
    package let description: String

    package init(settings: Settings) throws {
        gamma = try settings.double("gamma", default: nil, .positive)
        description = settings.described(as: Self.name)
    }

    package func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * Double.pow(gamma, epoch)
    }
}
