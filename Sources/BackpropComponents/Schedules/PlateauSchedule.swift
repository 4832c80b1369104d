import BackpropCore

/// Reduce-on-plateau (torch ReduceLROnPlateau, mode min, relative threshold):
/// when the monitored loss has not improved on its best by the relative
/// `threshold` for more than `patience` epochs, multiply the rate by `factor`,
/// never below `min_lr`.
package struct PlateauSchedule: LearningRateSchedule {
    package static let name = "plateau"
    package static let summary = "multiply lr by factor when val_loss (else loss) stalls for patience epochs"
    package let factor: Double
    package let patience: Int
    package let threshold: Double
    package let minimumRate: Double
    package let description: String
    private var scale = 1.0
    private var best = Double.infinity
    private var badEpochs = 0

    package init(settings: Settings) throws {
        factor = try settings.double("factor", default: 0.1, .unitInterval)
        patience = try settings.int("patience", default: 10, .nonNegative)
        threshold = try settings.double("threshold", default: 1e-4, .nonNegative)
        minimumRate = try settings.double("min_lr", default: 0, .nonNegative)
        description = settings.described(as: Self.name)
    }

    package func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        max(base * scale, minimumRate)
    }

    package mutating func observe(loss: Double) {
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
