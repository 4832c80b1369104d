import BackpropCore

extension Catalog {
    /// Layers by name. Activations have their own registry but are written in
    /// `model:` the same way, so a name is one or the other.
    mutating func registerBuiltInLayers() {
        for type: any LayerSpec.Type in [DenseSpec.self, DropoutSpec.self, BatchNormSpec.self, SoftmaxSpec.self] {
            registerBuiltIn { try $0.register(layer: type) }
        }
    }

    /// Element-wise activations by name.
    mutating func registerBuiltInActivations() {
        for type: any Activation.Type in [
            Identity.self, ReLU.self, LeakyReLU.self, ELU.self, Sigmoid.self, Tanh.self, Softplus.self, GELU.self, Step.self,
        ] {
            registerBuiltIn { try $0.register(activation: type) }
        }
    }
}
