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

    /// The kind's name as a heading: `Layers`.
    package var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Where an experiment file names a component of this kind, for `list --markdown`.
    package var usage: String {
        switch self {
        case .layers: "In `model:`, one list item per layer, in order: `- dense: {units: 8}`."
        case .activations: "In `model:`, as a layer of their own between two layers: `- relu`."
        case .losses: "As `loss:`: `loss: softmax_cross_entropy`."
        case .optimizers: "As `optimizer:`, a train key, usually given per run: `optimizer: {adam: {lr: 0.01}}`."
        case .initializers: "As a `dense` layer's `init:` or `bias_init:`: `dense: {units: 8, init: he_normal}`."
        case .schedules: "As the train key `schedule:`: `schedule: {cosine: {warmup: 2}}`."
        case .datasets: "As the source in `dataset:`: `dataset: {xor: {samples: 200}}`."
        case .plots:
            "In the list `plots:`: `plots: [loss, accuracy]`. Without it, every chart the data can give is drawn where it shows "
                + "something (the learning rate only when it changes)" + Self.notDrawnByDefault + "."
        }
    }

    /// `, except `batch_loss``: the charts drawn only when `plots:` names them.
    private static var notDrawnByDefault: String {
        let names = Registries.charts.namesInRegistrationOrder.filter { (try? Registries.charts.make($0))?.drawnByDefault == false }
        return names.isEmpty ? "" : ", except " + names.map { "`\($0)`" }.joined(separator: ", ")
    }
}
