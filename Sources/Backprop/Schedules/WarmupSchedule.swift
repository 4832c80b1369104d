/// Linear warm-up over `epochs` epochs, `lr = base · (epoch + 1) / epochs`,
/// then the base rate: large steps on random weights can throw a run off.
public struct WarmupSchedule: LearningRateSchedule {
    public static let name = "warmup"
    public static let summary = "linear ramp to lr over `epochs`, then constant"
    public let epochs: Int

    public init(settings: Settings) throws {
        epochs = try settings.int("epochs", default: 5, .count)
    }

    public var description: String { "warmup(epochs: \(epochs))" }

    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        epoch < epochs ? base * Double(epoch + 1) / Double(epochs) : base
    }
}
