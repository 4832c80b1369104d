import BackpropCore

extension Registries {
    /// Learning-rate schedules by name (per epoch).
    public static let schedules = Registry<any LearningRateSchedule>(kind: "schedule", [
        ConstantSchedule.self, StepSchedule.self, ExponentialSchedule.self, CosineSchedule.self, WarmupSchedule.self, PlateauSchedule.self,
    ])
}
