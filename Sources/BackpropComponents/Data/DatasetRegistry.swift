import BackpropCore

extension Catalog {
    /// Datasets by name: generators (each with its own `seed`, so every run and
    /// seed of an experiment sees the same data), files, and inline samples.
    mutating func registerBuiltInDatasets() {
        for type: any Dataset.Type in [
            XORDataset.self, SpiralDataset.self, MoonsDataset.self, CirclesDataset.self, BlobsDataset.self, SineDataset.self,
            LinearRegressionDataset.self, TeacherDataset.self, CSVDataset.self, IDXDataset.self, FashionMNISTDataset.self, InlineDataset.self,
        ] {
            registerBuiltIn { try $0.register(dataset: type) }
        }
    }
}
