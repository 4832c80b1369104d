extension Registries {
    /// Layers by name. Activations have their own registry but are written in
    /// `model:` the same way.
    public static let layers: Registry<any LayerSpec> = {
        let registry = Registry<any LayerSpec>(kind: "layer")
        registry.register(DenseSpec.self)
        registry.register(DropoutSpec.self)
        registry.register(BatchNormSpec.self)
        registry.register(SoftmaxSpec.self)
        return registry
    }()

    /// Element-wise activations by name.
    public static let activations: Registry<any Activation> = {
        let registry = Registry<any Activation>(kind: "activation")
        registry.register(Identity.self)
        registry.register(ReLU.self)
        registry.register(LeakyReLU.self)
        registry.register(ELU.self)
        registry.register(Sigmoid.self)
        registry.register(Tanh.self)
        registry.register(Softplus.self)
        registry.register(GELU.self)
        registry.register(Step.self)
        return registry
    }()
}

extension Registry where Product == any LayerSpec {
    /// Adds a layer, under its own name or as `name` with `presets` for some settings.
    public func register<Spec: LayerSpec>(_ layer: Spec.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil) {
        add(layer, as: name, summary: summary, presets: presets) { $0 }
    }
}

extension Registry where Product == any Activation {
    /// Adds an activation, under its own name or as `name` with `presets` for some settings.
    public func register<Function: Activation>(_ activation: Function.Type, as name: String? = nil, summary: String? = nil,
                                               presets: ConfigValue? = nil) {
        add(activation, as: name, summary: summary, presets: presets) { $0 }
    }
}
