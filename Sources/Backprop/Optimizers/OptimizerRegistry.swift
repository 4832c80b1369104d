extension Registries {
    /// Optimizers by name, with torch.optim's setting names and defaults.
    public static let optimizers: Registry<any OptimizerRule> = {
        let registry = Registry<any OptimizerRule>(kind: "optimizer")
        registry.register(SGD.self)
        registry.register(SGD.self, as: "momentum", summary: "sgd with momentum 0.9 by default", presets: ["momentum": 0.9])
        registry.register(RMSprop.self)
        registry.register(Adam.self)
        registry.register(AdamW.self)
        registry.register(Adagrad.self)
        return registry
    }()
}

extension Registry where Product == any OptimizerRule {
    /// Adds an optimizer, under its own name or as `name` with `presets` for some settings.
    public func register<Rule: OptimizerRule>(_ rule: Rule.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil) {
        add(rule, as: name, summary: summary, presets: presets) { $0 }
    }
}
