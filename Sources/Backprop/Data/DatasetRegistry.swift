extension Registries {
    /// Datasets by name: generators (each with its own `seed`, so every run and
    /// seed of an experiment sees the same data), files, and inline samples.
    public static let datasets = Registry<any Dataset>(kind: "dataset", [
        XORDataset.self, SpiralDataset.self, MoonsDataset.self, CirclesDataset.self, BlobsDataset.self, SineDataset.self,
        LinearRegressionDataset.self, TeacherDataset.self, CSVDataset.self, IDXDataset.self, FashionMNISTDataset.self, InlineDataset.self,
    ])
}
