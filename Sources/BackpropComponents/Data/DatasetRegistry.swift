import BackpropCore

extension Registries {
    /// Datasets by name: generators (each with its own `seed`, so every run and
    /// seed of an experiment sees the same data), files, and inline samples.
    public static let datasets = Registry<any Dataset>(kind: "dataset", [
        XORDataset.self, SpiralDataset.self, MoonsDataset.self, CirclesDataset.self, BlobsDataset.self, SineDataset.self,
        LinearRegressionDataset.self, TeacherDataset.self, CSVDataset.self, IDXDataset.self, FashionMNISTDataset.self, InlineDataset.self,
    ], namespace: RegistryNamespace(reserved: Dictionary(uniqueKeysWithValues: datasetOptionKeys.map {
        ($0, "'\($0)' is a key of dataset: beside the source (dataset: {xor: ..., \($0): ...})")
    })))

    /// The keys `dataset:` takes beside its source (the experiment loader reads them).
    static let datasetOptionKeys = ["scale", "scale_target", "split"]
}
