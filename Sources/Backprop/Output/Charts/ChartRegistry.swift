extension Registries {
    /// Charts by the names `plots:` uses, in the order reports show them.
    public static let charts: Registry<any Chart> = {
        let registry = Registry<any Chart>(kind: "plot")
        registry.register(LossChart.self)
        registry.register(BatchLossChart.self)
        registry.register(LossVsTimeChart.self)
        registry.register(AccuracyChart.self)
        registry.register(LearningRateChart.self)
        registry.register(GradientNormChart.self)
        registry.register(DecisionBoundaryChart.self)
        registry.register(ConfusionChart.self)
        return registry
    }()
}

extension Registry where Product == any Chart {
    /// Adds a chart, under its own name or as `name` with `presets` for some settings.
    public func register<Kind: Chart>(_ chart: Kind.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil) {
        add(chart, as: name, summary: summary, presets: presets) { $0 }
    }
}
