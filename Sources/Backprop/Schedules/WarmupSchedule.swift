/// Linear warm-up over `epochs` epochs, `lr = base · (epoch + 1) / epochs`,
/// then the base rate: large steps on random weights can throw a run off.
public final class WarmupSchedule: LearningRateSchedule {
    public let epochs: Int
    public init(epochs: Int) { self.epochs = epochs }
    public var kind: String { "warmup" }
    public var description: String { "warmup(epochs: \(epochs))" }
    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        epoch < epochs ? base * Double(epoch + 1) / Double(epochs) : base
    }
}
