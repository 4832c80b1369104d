import BackpropCore

extension Catalog {
    /// Losses by name; means as PyTorch's default reductions.
    mutating func registerBuiltInLosses() {
        for type: any Loss.Type in [MeanSquaredError.self, Huber.self, BinaryCrossEntropy.self, BinaryCrossEntropyWithLogits.self, SoftmaxCrossEntropy.self] {
            registerBuiltIn { try $0.register(loss: type) }
        }
    }
}
