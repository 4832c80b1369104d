extension Registries {
    /// Learning-rate schedules by name (per epoch).
    public static let schedules: Registry<any LearningRateSchedule> = {
        let registry = Registry<any LearningRateSchedule>(kind: "schedule")
        registry.register(ConstantSchedule.self)
        registry.register(StepSchedule.self)
        registry.register(ExponentialSchedule.self)
        registry.register(CosineSchedule.self)
        registry.register(WarmupSchedule.self)
        registry.register(PlateauSchedule.self)
        return registry
    }()
}

extension Registry where Product == any LearningRateSchedule {
    /// Adds a schedule, under its own name or as `name` with `presets` for some settings.
    public func register<Schedule: LearningRateSchedule>(_ schedule: Schedule.Type, as name: String? = nil, summary: String? = nil,
                                                         presets: ConfigValue? = nil) {
        add(schedule, as: name, summary: summary, presets: presets) { $0 }
    }
}
