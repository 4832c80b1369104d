extension Registries {
    /// Datasets by name: generators (each with its own `seed`, so every run and
    /// seed of an experiment sees the same data), files, and inline samples.
    public static let datasets: Registry<any Dataset> = {
        let registry = Registry<any Dataset>(kind: "dataset")
        registry.register(XORDataset.self)
        registry.register(SpiralDataset.self)
        registry.register(MoonsDataset.self)
        registry.register(CirclesDataset.self)
        registry.register(BlobsDataset.self)
        registry.register(SineDataset.self)
        registry.register(LinearRegressionDataset.self)
        registry.register(TeacherDataset.self)
        registry.register(CSVDataset.self)
        registry.register(IDXDataset.self)
        registry.register(FashionMNISTDataset.self)
        registry.register(InlineDataset.self)
        return registry
    }()
}

extension Registry where Product == any Dataset {
    /// Adds a dataset, under its own name or as `name` with `presets` for some settings.
    public func register<Source: Dataset>(_ dataset: Source.Type, as name: String? = nil, summary: String? = nil,
                                          presets: ConfigValue? = nil) {
        add(dataset, as: name, summary: summary, presets: presets) { $0 }
    }
}
