import BackpropAnalysis

/// The kinds of component `backprop list` shows, by the names it takes.
package enum ComponentKind: String, CaseIterable, Sendable {
    case layers, activations, losses, optimizers, initializers, schedules, datasets, plots

    /// Every registered component of this kind with its settings.
    package var components: [ComponentDescription] {
        switch self {
        case .layers: Registries.layers.describe()
        case .activations: Registries.activations.describe()
        case .losses: Registries.losses.describe()
        case .optimizers: Registries.optimizers.describe()
        case .initializers: Registries.initializers.describe()
        case .schedules: Registries.schedules.describe()
        case .datasets: Registries.datasets.describe()
        case .plots: Registries.charts.describe()
        }
    }
}
