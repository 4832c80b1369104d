import RealModule
import BackpropCore

/// Cosine annealing from base to `eta_min` over `t_max` epochs (torch
/// CosineAnnealingLR; `t_max` defaults to the run's epochs), after an optional
/// linear warm-up of `warmup` epochs: `lr = base · (epoch + 1) / warmup` while warming up.
package struct CosineSchedule: LearningRateSchedule {
    package static let name = "cosine"
    package static let summary = "cosine annealing to eta_min over t_max epochs, optional linear warmup"
    package let maximumEpochs: Int?
    package let minimum: Double
    package let warmup: Int

    package init(settings: Settings) throws {
        maximumEpochs = try settings.optionalInt("t_max", .count)
        minimum = try settings.double("eta_min", default: 0, .nonNegative)
        warmup = try settings.int("warmup", default: 0, .nonNegative)
    }

    package var description: String {
        "cosine(t_max: \(maximumEpochs.map(String.init) ?? "epochs"), eta_min: \(minimum), warmup: \(warmup))"
    }

    package func learningRate(epoch: Int, base: Double, totalEpochs: Int) -> Double {
        if epoch < warmup { return base * Double(epoch + 1) / Double(warmup) }
        let span = max((maximumEpochs ?? totalEpochs) - warmup, 1)
        let progress = Double(min(epoch - warmup, span)) / Double(span)
        return minimum + (base - minimum) * (1 + Double.cos(Double.pi * progress)) / 2
    }
}
