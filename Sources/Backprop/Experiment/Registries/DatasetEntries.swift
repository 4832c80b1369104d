/// Datasets by name: generators (each with its own `seed`, so every run sees
/// the same data), files, and inline samples.
func registerBuiltInDatasets(in registry: Registry<any Dataset>) {
    registry.register("xor", summary: "the four corners of the unit square with Gaussian noise; label x1 XOR x2") { settings in
        XORDataset(samples: try settings.int("samples", default: 200, .count), noise: try settings.double("noise", default: 0.1, .nonNegative),
                   seed: try seed(settings))
    }
    registry.register("spiral", summary: "interleaved spiral arms, one class per arm (CS231n)") { settings in
        SpiralDataset(samples: try settings.int("samples", default: 300, .count), classes: try settings.int("classes", default: 3, .count),
                      noise: try settings.double("noise", default: 0.2, .nonNegative), seed: try seed(settings))
    }
    registry.register("moons", summary: "two interleaving half circles (sklearn make_moons)") { settings in
        MoonsDataset(samples: try settings.int("samples", default: 200, .count), noise: try settings.double("noise", default: 0.1, .nonNegative),
                     seed: try seed(settings))
    }
    registry.register("circles", summary: "a circle inside a circle (sklearn make_circles)") { settings in
        CirclesDataset(samples: try settings.int("samples", default: 200, .count), noise: try settings.double("noise", default: 0.05, .nonNegative),
                       factor: try settings.double("factor", default: 0.5, .unitInterval), seed: try seed(settings))
    }
    registry.register("blobs", summary: "Gaussian blobs around random centres") { settings in
        let samples = try settings.int("samples", default: 300, .count), features = try settings.int("features", default: 2, .count)
        try checkSize(samples, features, settings)
        return BlobsDataset(samples: samples, classes: try settings.int("classes", default: 3, .count), features: features,
                            spread: try settings.double("spread", default: 1, .positive), seed: try seed(settings))
    }
    registry.register("sine", summary: "regression: y = sin(x) + noise, x in [−π, π]") { settings in
        SineDataset(samples: try settings.int("samples", default: 200, .count), noise: try settings.double("noise", default: 0.1, .nonNegative),
                    seed: try seed(settings))
    }
    registry.register("linear_regression", summary: "regression: y = x·w + 0.5 + noise with random true weights") { settings in
        let samples = try settings.int("samples", default: 200, .count), features = try settings.int("features", default: 1, .count)
        try checkSize(samples, features, settings)
        return LinearRegressionDataset(samples: samples, features: features,
                                       noise: try settings.double("noise", default: 0.1, .nonNegative), seed: try seed(settings))
    }
    registry.register("csv", summary: "a CSV file with a header; target names the label column, the rest are numeric features") { settings in
        let delimiter = try settings.string("delimiter", default: ",")
        guard delimiter.count == 1, let character = delimiter.first else {
            throw settings.problem("delimiter", "delimiter must be one character, found '\(delimiter)'")
        }
        return CSVDataset(path: try settings.string("path", default: nil), target: try settings.string("target", default: nil),
                          hasHeader: try settings.bool("header", default: true), delimiter: character,
                          task: try settings.optionalChoice("task", ["classification", "regression"]),
                          oneHot: try settings.strings("one_hot", default: []))
    }
    registry.register("idx", summary: "images and labels in IDX files (MNIST's format), plain or gzipped") { settings in
        IDXDataset(trainImages: try settings.string("train_images", default: nil), trainLabels: try settings.string("train_labels", default: nil),
                   testImages: try settings.optionalString("test_images"), testLabels: try settings.optionalString("test_labels"),
                   scaling: try scaling(settings))
    }
    registry.register("fashion_mnist", summary: "Zalando's Fashion-MNIST (Debian package dataset-fashion-mnist): 60k training and 10k test images") { settings in
        FashionMNISTDataset(directory: try settings.string("directory", default: FashionMNISTDataset.defaultDirectory), scaling: try scaling(settings))
    }
    registry.register("inline", summary: "samples written in the file: inputs (list of rows) and targets") { settings in
        let inputs = try settings.optionalMatrix("inputs")
        guard let inputs else { throw settings.problem("inline needs 'inputs' (a list of rows) and 'targets'") }
        let targets = try settings.inlineTargets("targets")
        let task = try settings.optionalChoice("task", ["classification", "regression"])
        guard targets.count == inputs.count else {
            throw settings.problem("targets", "inline has \(inputs.count) inputs but \(targets.count) targets")
        }
        return InlineDataset(inputs: inputs, targets: targets, task: task)
    }
}

/// Generated data is held in memory: samples x features is capped at 100 million values.
private func checkSize(_ samples: Int, _ features: Int, _ settings: Settings) throws {
    if samples * features > 100_000_000 {
        throw settings.problem("features", "samples x features is \(samples * features) values, more than the 100 million a generated dataset may hold")
    }
}

private func seed(_ settings: Settings) throws -> UInt64 {
    UInt64(try settings.int("seed", default: 0, .nonNegative))
}

private func scaling(_ settings: Settings) throws -> PixelScaling {
    let name = try settings.string("scaling", default: PixelScaling.unit.rawValue, oneOf: PixelScaling.allCases.map(\.rawValue))
    return PixelScaling(rawValue: name) ?? .unit
}
