import BackpropCore

/// Linear warm-up over `epochs` epochs, `lr = base · (epoch + 1) / epochs`,
/// then the base rate: large steps on random weights can throw a run off.
package struct WarmupSchedule: LearningRateSchedule {
    package static let name = "warmup"
    package static let summary = "linear ramp to lr over `epochs`, then constant"
    package let epochs: Int
    package let description: String

    package init(settings: Settings) throws {
        epochs = try settings.int("epochs", default: 5, .count)
        description = settings.described(as: Self.name)
    }

    package func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        epoch < epochs ? base * Double(epoch + 1) / Double(epochs) : base
    }
}
