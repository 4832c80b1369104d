import BackpropCore

extension Catalog {
    /// Optimizers by name, with torch.optim's setting names and defaults;
    /// `momentum` is sgd with momentum 0.9 by default.
    mutating func registerBuiltInOptimizers() {
        for type: any OptimizerRule.Type in [SGD.self, RMSprop.self, Adam.self, AdamW.self, Adagrad.self] {
            registerBuiltIn { try $0.register(optimizer: type) }
        }
        registerBuiltIn { try $0.register(optimizer: SGD.self, as: "momentum", summary: "sgd with momentum 0.9 by default", presets: ["momentum": 0.9]) }
    }
}
