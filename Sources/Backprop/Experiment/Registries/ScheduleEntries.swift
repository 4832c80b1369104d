/// Learning-rate schedules by name (per epoch).
func registerBuiltInSchedules(in registry: Registry<any ScheduleSpec>) {
    registry.register("constant", summary: "the optimizer's lr throughout") { _ in ScheduleChoice.constant }
    registry.register("step", summary: "lr·gamma^⌊epoch/step_size⌋") { settings in
        ScheduleChoice.step(stepSize: try settings.int("step_size", default: nil, .count), gamma: try settings.double("gamma", default: 0.1, .positive))
    }
    registry.register("exponential", summary: "lr·gamma^epoch") { settings in
        ScheduleChoice.exponential(gamma: try settings.double("gamma", default: nil, .positive))
    }
    registry.register("cosine", summary: "cosine annealing to eta_min over t_max epochs, optional linear warmup") { settings in
        ScheduleChoice.cosine(maximumEpochs: try settings.optionalInt("t_max", .count), minimum: try settings.double("eta_min", default: 0, .nonNegative),
                              warmup: try settings.int("warmup", default: 0, .nonNegative))
    }
    registry.register("warmup", summary: "linear ramp to lr over `epochs`, then constant") { settings in
        ScheduleChoice.warmup(epochs: try settings.int("epochs", default: 5, .count))
    }
    registry.register("plateau", summary: "multiply lr by factor when val_loss (else loss) stalls for patience epochs") { settings in
        ScheduleChoice.plateau(factor: try settings.double("factor", default: 0.1, .unitInterval), patience: try settings.int("patience", default: 10, .nonNegative),
                               threshold: try settings.double("threshold", default: 1e-4, .nonNegative),
                               minimum: try settings.double("min_lr", default: 0, .nonNegative))
    }
}

enum ScheduleChoice: ScheduleSpec {
    case constant
    case step(stepSize: Int, gamma: Double)
    case exponential(gamma: Double)
    case cosine(maximumEpochs: Int?, minimum: Double, warmup: Int)
    case warmup(epochs: Int)
    case plateau(factor: Double, patience: Int, threshold: Double, minimum: Double)

    func makeSchedule() -> any LearningRateSchedule {
        switch self {
        case .constant: ConstantSchedule()
        case let .step(stepSize, gamma): StepSchedule(stepSize: stepSize, gamma: gamma)
        case let .exponential(gamma): ExponentialSchedule(gamma: gamma)
        case let .cosine(maximumEpochs, minimum, warmup): CosineSchedule(maximumEpochs: maximumEpochs, minimum: minimum, warmup: warmup)
        case let .warmup(epochs): WarmupSchedule(epochs: epochs)
        case let .plateau(factor, patience, threshold, minimum):
            PlateauSchedule(factor: factor, patience: patience, threshold: threshold, minimumRate: minimum)
        }
    }

    var description: String { makeSchedule().description }
}
