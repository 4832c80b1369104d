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

extension Commands {
    /// `backprop list [KIND]`: every component of KIND (or of every kind)
    /// with its summary, settings and defaults.
    package static func list(_ kind: ComponentKind?) -> CommandOutcome {
        var lines: [String] = []
        for kind in kind.map({ [$0] }) ?? ComponentKind.allCases {
            lines.append("\(kind.rawValue):")
            for component in kind.components {
                lines.append("  \(component.name) — \(component.summary)")
                for setting in component.settings {
                    let constraint = setting.constraint.isEmpty ? "" : " (\(setting.constraint))"
                    lines.append("      \(setting.name): \(setting.defaultValue)\(constraint)")
                }
            }
            lines.append("")
        }
        return CommandOutcome(output: lines)
    }
}
