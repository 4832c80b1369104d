import BackpropOutput

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
