import BackpropCore

extension Registries {
    /// Optimizers by name, with torch.optim's setting names and defaults;
    /// `momentum` is sgd with momentum 0.9 by default.
    public static let optimizers: Registry<any OptimizerRule> = {
        let registry = Registry<any OptimizerRule>(kind: "optimizer", [SGD.self, RMSprop.self, Adam.self, AdamW.self, Adagrad.self])
        registry.registerBuiltIn(SGD.self, as: "momentum", summary: "sgd with momentum 0.9 by default", presets: ["momentum": 0.9])
        return registry
    }()
}
