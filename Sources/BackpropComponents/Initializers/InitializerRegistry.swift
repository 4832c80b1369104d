import BackpropCore

extension Catalog {
    /// Initializers by name (torch.nn.init's schemes), e.g. `init: he_normal`
    /// or `init: {normal: {std: 0.01}}`.
    mutating func registerBuiltInInitializers() {
        for type: any Initializer.Type in [
            Zeros.self, Constant.self, Uniform.self, Normal.self, XavierUniform.self, XavierNormal.self, HeUniform.self, HeNormal.self,
        ] {
            registerBuiltIn { try $0.register(initializer: type) }
        }
    }
}
