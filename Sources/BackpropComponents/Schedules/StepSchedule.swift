import RealModule
import BackpropCore

/// `lr = base · gamma^⌊epoch / step_size⌋` (torch StepLR).
package struct StepSchedule: LearningRateSchedule {
    package static let name = "step"
    package static let summary = "lr·gamma^⌊epoch/step_size⌋"
    package let stepSize: Int
    package let gamma: Double
    package let description: String

    package init(settings: Settings) throws {
        stepSize = try settings.int("step_size", default: nil, .count)
        gamma = try settings.double("gamma", default: 0.1, .positive)
        description = settings.described(as: Self.name)
    }

    package func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        base * Double.pow(gamma, epoch / stepSize)
    }
}
