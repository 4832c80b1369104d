import Backprop

/// The plugin: its components, one registration line each. Its binary's
/// main.swift hands it to the command line; its tests add it to a catalog.
public let examplePlugin = Plugin(name: "example", sourceDigest: sourceDigest) { catalog in
    try catalog.register(optimizer: Lion.self)
    try catalog.register(activation: Swish.self)
    try catalog.register(dataset: TwoCloudsDataset.self)
}
