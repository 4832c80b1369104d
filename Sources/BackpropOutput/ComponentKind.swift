import BackpropAnalysis

/// The kinds of component `backprop list` shows, by the names it takes.
package enum ComponentKind: String, CaseIterable, Sendable {
    case layers, activations, losses, optimizers, initializers, schedules, datasets, plots

    /// Every component of this kind in `catalog`, with its settings.
    package func components(in catalog: Catalog) -> [ComponentDescription] {
        switch self {
        case .layers: catalog.describe(\.layers)
        case .activations: catalog.describe(\.activations)
        case .losses: catalog.describe(\.losses)
        case .optimizers: catalog.describe(\.optimizers)
        case .initializers: catalog.describe(\.initializers)
        case .schedules: catalog.describe(\.schedules)
        case .datasets: catalog.describe(\.datasets)
        case .plots: catalog.describe(\.charts)
        }
    }

    /// The kind's name as a heading: `Layers`.
    package var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Where an experiment file names a component of this kind, for `list --markdown`.
    package func usage(in catalog: Catalog) -> String {
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
                + "something (the learning rate only when it changes)" + Self.notDrawnByDefault(in: catalog) + "."
        }
    }

    /// `, except `batch_loss``: the charts drawn only when `plots:` names them.
    private static func notDrawnByDefault(in catalog: Catalog) -> String {
        let names = catalog.charts.namesInRegistrationOrder.filter { (try? catalog.make(\.charts, $0))?.drawnByDefault == false }
        return names.isEmpty ? "" : ", except " + names.map { "`\($0)`" }.joined(separator: ", ")
    }
}
