import BackpropCore

extension Registries {
    /// Layers by name. Activations have their own registry but are written in
    /// `model:` the same way.
    public static let layers = Registry<any LayerSpec>(kind: "layer", [DenseSpec.self, DropoutSpec.self, BatchNormSpec.self, SoftmaxSpec.self],
                                                       namespace: modelNames)

    /// Element-wise activations by name.
    public static let activations = Registry<any Activation>(kind: "activation", [
        Identity.self, ReLU.self, LeakyReLU.self, ELU.self, Sigmoid.self, Tanh.self, Softplus.self, GELU.self, Step.self,
    ], namespace: modelNames)

    /// `model:` takes layers and activations alike, so a name is one or the other.
    static let modelNames: RegistryNamespace = RegistryNamespace { _ = (layers, activations) }
}
