/// `sweep: {grid: {optimizer.lr: [0.001, 0.01], batch: [1, full]}}`: every run
/// is repeated for each combination of the values (the cross product, axes in
/// file order). A key path starts at a train key; below `optimizer` and
/// `schedule` it names a setting of whichever component the run uses.
struct SweepGrid {
    private(set) var axes: [(path: [String], values: [ConfigValue])] = []
    /// Train keys whose value is a component written `name` or `name: {settings}`.
    private static let componentKeys = ["optimizer", "schedule"]

    init() {}

    init(_ value: ConfigValue) throws {
        let keys = try value.mapping(allowed: ["grid"], what: "sweep")
        guard let grid = keys["grid"] else { throw value.error("sweep needs 'grid: {key.path: [values]}'") }
        let entries = try grid.entries()
        guard !entries.isEmpty else { throw grid.error("sweep grid is empty: map at least one key path to values") }
        axes = try entries.map { key, keyValue, entry in
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !path.contains(where: \.isEmpty) else { throw keyValue.error("sweep path '\(key)' has an empty part") }
            guard let first = path.first, ExperimentLoader.trainKeys.contains(first) else {
                throw keyValue.error(unknownKeyMessage(path.first ?? key, in: "sweep grid (paths start at a train key)",
                                                       known: ExperimentLoader.trainKeys))
            }
            let values = try entry.sequence()
            guard !values.isEmpty else { throw entry.error("sweep '\(key)' has no values") }
            return (path, values)
        }
    }

    var axisNames: [String] { axes.map { $0.path.joined(separator: ".") } }

    /// Every combination of one value per axis; one empty combination without a sweep.
    var combinations: [[(path: [String], value: ConfigValue)]] {
        axes.reduce([[]]) { partial, axis in
            partial.flatMap { combination in axis.values.map { combination + [(axis.path, $0)] } }
        }
    }

    /// The merged train settings with `path` (e.g. optimizer.lr) set to `value`.
    func override(_ settings: [String: ConfigValue], path: [String], with value: ConfigValue) throws -> [String: ConfigValue] {
        var settings = settings
        let key = path[0]
        guard path.count > 1 else {
            settings[key] = value
            return settings
        }
        guard let current = settings[key] else {
            throw value.error("sweep sets '\(path.joined(separator: "."))' but no run sets '\(key)'")
        }
        let rest = Array(path.dropFirst())
        settings[key] = Self.componentKeys.contains(key) ? Self.settingComponent(rest, to: value, in: current)
                                                         : Self.setting(rest, to: value, in: current)
        return settings
    }

    /// Sets a setting of the component written at `node` (`adam` or `adam: {...}`).
    private static func settingComponent(_ path: [String], to value: ConfigValue, in node: ConfigValue) -> ConfigValue {
        switch node.content {
        case .scalar:
            return node.replacing(.mapping([(node, setting(path, to: value, in: node.replacing(.mapping([]))))]))
        case .mapping(let pairs) where pairs.count == 1:
            let inner = pairs[0].value
            let settings = inner.isMapping ? inner : inner.replacing(.mapping([]))
            return node.replacing(.mapping([(pairs[0].key, setting(path, to: value, in: settings))]))
        default:
            return node
        }
    }

    /// Sets `path` inside the mapping `node`, adding keys that are missing.
    private static func setting(_ path: [String], to value: ConfigValue, in node: ConfigValue) -> ConfigValue {
        guard case .mapping(var pairs) = node.content else { return node }
        let key = path[0]
        let index = pairs.firstIndex { pair in
            if case .scalar(let name, _) = pair.key.content { return name == key }
            return false
        }
        let replacement = path.count == 1
            ? value
            : setting(Array(path.dropFirst()), to: value, in: index.map { pairs[$0].value } ?? node.replacing(.mapping([])))
        if let index {
            pairs[index].value = replacement
        } else {
            pairs.append((value.replacing(.scalar(key, plain: true)), replacement))
        }
        return node.replacing(.mapping(pairs))
    }
}

extension ConfigValue {
    var isMapping: Bool {
        if case .mapping = content { return true }
        return false
    }
}
