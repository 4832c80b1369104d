import BackpropCore

extension Registries {
    /// Initializers by name (torch.nn.init's schemes), e.g. `init: he_normal`
    /// or `init: {normal: {std: 0.01}}`.
    public static let initializers = Registry<any Initializer>(kind: "initializer", [
        Zeros.self, Constant.self, Uniform.self, Normal.self, XavierUniform.self, XavierNormal.self, HeUniform.self, HeNormal.self,
    ])
}
