extension Registries {
    /// Initializers by name (torch.nn.init's schemes), e.g. `init: he_normal`
    /// or `init: {normal: {std: 0.01}}`.
    public static let initializers: Registry<any Initializer> = {
        let registry = Registry<any Initializer>(kind: "initializer")
        registry.register(Zeros.self)
        registry.register(Constant.self)
        registry.register(Uniform.self)
        registry.register(Normal.self)
        registry.register(XavierUniform.self)
        registry.register(XavierNormal.self)
        registry.register(HeUniform.self)
        registry.register(HeNormal.self)
        return registry
    }()
}

extension Registry where Product == any Initializer {
    /// Adds an initializer, under its own name or as `name` with `presets` for some settings.
    public func register<Kind: Initializer>(_ initializer: Kind.Type, as name: String? = nil, summary: String? = nil,
                                            presets: ConfigValue? = nil) {
        add(initializer, as: name, summary: summary, presets: presets) { $0 }
    }
}
