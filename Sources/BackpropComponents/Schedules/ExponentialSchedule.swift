import RealModule
import BackpropCore

/// `lr = base · gamma^epoch` (torch ExponentialLR).
package struct ExponentialSchedule: LearningRateSchedule {
    package static let name = "exponential"
    package static let summary = "lr·gamma^epoch"
    package let gamma: Double

    package init(settings: Settings) throws {
        gamma = try settings.double("gamma", default: nil, .positive)
    }

    package var description: String { "exponential(gamma: \(gamma))" }

    package func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * Double.pow(gamma, epoch)
    }
}
