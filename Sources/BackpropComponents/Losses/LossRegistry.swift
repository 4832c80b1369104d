import BackpropCore

extension Registries {
    /// Losses by name; means as PyTorch's default reductions.
    public static let losses = Registry<any Loss>(kind: "loss", [
        MeanSquaredError.self, Huber.self, BinaryCrossEntropy.self, BinaryCrossEntropyWithLogits.self, SoftmaxCrossEntropy.self,
    ])
}
