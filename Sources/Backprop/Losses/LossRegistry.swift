extension Registries {
    /// Losses by name; means as PyTorch's default reductions.
    public static let losses: Registry<any Loss> = {
        let registry = Registry<any Loss>(kind: "loss")
        registry.register(MeanSquaredError.self)
        registry.register(Huber.self)
        registry.register(BinaryCrossEntropy.self)
        registry.register(BinaryCrossEntropyWithLogits.self)
        registry.register(SoftmaxCrossEntropy.self)
        return registry
    }()
}

extension Registry where Product == any Loss {
    /// Adds a loss, under its own name or as `name` with `presets` for some settings.
    public func register<Kind: Loss>(_ loss: Kind.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil) {
        add(loss, as: name, summary: summary, presets: presets) { $0 }
    }
}
