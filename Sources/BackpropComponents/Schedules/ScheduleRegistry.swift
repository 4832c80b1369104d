import BackpropCore

extension Catalog {
    /// Learning-rate schedules by name (per epoch).
    mutating func registerBuiltInSchedules() {
        for type: any LearningRateSchedule.Type in [
            ConstantSchedule.self, StepSchedule.self, ExponentialSchedule.self, CosineSchedule.self, WarmupSchedule.self, PlateauSchedule.self,
        ] {
            registerBuiltIn { try $0.register(schedule: type) }
        }
    }
}
