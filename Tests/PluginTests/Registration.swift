import Backprop

/// The plugin's components, one line each; a plugin's main.swift calls this
/// before handing over to backprop (here the tests do, once).
func registerComponents() {
    Registries.optimizers.register(Lion.self)
    Registries.activations.register(Swish.self)
    Registries.datasets.register(TwoCloudsDataset.self)
}
