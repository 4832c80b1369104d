import Backprop

/// The plugin: its components, one registration line each. Its binary's
/// main.swift hands it to the command line; its tests install it.
public let examplePlugin = Plugin(name: "example", sourceDigest: sourceDigest) {
    try Registries.optimizers.register(Lion.self)
    try Registries.activations.register(Swish.self)
    try Registries.datasets.register(TwoCloudsDataset.self)
}
