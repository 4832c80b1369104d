/// Reduce-on-plateau (torch ReduceLROnPlateau, mode min, relative threshold):
/// when the monitored loss has not improved on its best by the relative
/// `threshold` for more than `patience` epochs, multiply the rate by `factor`,
/// never below `min_lr`.
public final class PlateauSchedule: LearningRateSchedule {
    public let factor: Double
    public let patience: Int
    public let threshold: Double
    public let minimumRate: Double
    private var scale = 1.0
    private var best = Double.infinity
    private var badEpochs = 0

    public init(factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4, minimumRate: Double = 0) {
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.minimumRate = minimumRate
    }

    public var kind: String { "plateau" }
    public var description: String {
        "plateau(factor: \(factor), patience: \(patience), threshold: \(threshold), min_lr: \(minimumRate))"
    }

    public func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        max(base * scale, minimumRate)
    }

    public func observe(loss: Double) {
        if loss < best * (1 - threshold) {
            best = loss
            badEpochs = 0
        } else {
            badEpochs += 1
        }
        if badEpochs > patience {
            scale *= factor
            badEpochs = 0
        }
    }
}
