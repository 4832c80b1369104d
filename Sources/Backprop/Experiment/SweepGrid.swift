/// `sweep: {grid: {optimizer.lr: [0.001, 0.01], batch: [1, full]}}`: every run
/// is repeated for each combination of the values (the cross product, axes in
/// file order). A key path starts at a train key; below `optimizer` and
/// `schedule` it names a setting of whichever component the run uses.
struct SweepGrid {
    struct Axis {
        var path: [String]
        /// Where the key path is written, for errors.
        var key: ConfigValue
        var values: [ConfigValue]

        var name: String { path.joined(separator: ".") }
    }

    private(set) var axes: [Axis] = []
    /// At most this many runs from one file: more is a typo, and would take
    /// the memory and time of the machine before the first run trains.
    static let maximumRuns = 100_000
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
            var seen = Set<String>()
            for value in values where value.isScalar && !seen.insert(value.text).inserted {
                throw value.error("sweep '\(key)' lists \(value.text) twice: its runs would repeat")
            }
            return Axis(path: path, key: keyValue, values: values)
        }
    }

    var axisNames: [String] { axes.map(\.name) }

    /// How many runs `runs` contenders make, or an error past `maximumRuns`.
    func runCount(contenders runs: Int) throws -> Int {
        let total = axes.reduce(runs) { total, axis in ModelSize.product(total, axis.values.count, plus: 0) ?? Int.max }
        if total > Self.maximumRuns, let first = axes.first {
            throw first.key.error("the sweep makes \(total == Int.max ? "too many" : String(total)) runs (\(runs) run(s) x every combination); at most \(Self.maximumRuns)")
        }
        return total
    }

    /// Every combination of one value per axis; one empty combination without a sweep.
    var combinations: [[(axis: Axis, value: ConfigValue)]] {
        axes.reduce([[]]) { partial, axis in
            partial.flatMap { combination in axis.values.map { combination + [(axis, $0)] } }
        }
    }

    /// The merged train settings of run `label` with the axis's key path set to `value`.
    func override(_ settings: [String: ConfigValue], _ axis: Axis, with value: ConfigValue, run label: String) throws -> [String: ConfigValue] {
        var settings = settings
        let key = axis.path[0]
        guard axis.path.count > 1 else {
            settings[key] = value
            return settings
        }
        let isComponent = Self.componentKeys.contains(key)
        guard let current = settings[key] ?? (isComponent ? nil : value.replacing(.mapping([]))) else {
            // A component's settings need the component: which optimizer's lr?
            throw axis.key.error("sweep sets '\(axis.name)' but run '\(label)' does not set '\(key)'")
        }
        let rest = Array(axis.path.dropFirst())
        settings[key] = isComponent
            ? try Self.settingComponent(rest, to: value, in: current, axis: axis)
            : try Self.setting(rest, to: value, in: current, axis: axis)
        return settings
    }

    /// Sets a setting of the component written at `node` (`adam` or `adam: {...}`).
    private static func settingComponent(_ path: [String], to value: ConfigValue, in node: ConfigValue, axis: Axis) throws -> ConfigValue {
        // A component's settings are single values (or lists): nothing lies below them.
        guard path.count == 1 else { throw tooDeep(axis, below: path[0]) }
        switch node.content {
        case .scalar:
            return node.replacing(.mapping([(node, try setting(path, to: value, in: node.replacing(.mapping([])), axis: axis))]))
        case .mapping(let pairs) where pairs.count == 1:
            let inner = pairs[0].value
            let settings = inner.isMapping ? inner : inner.replacing(.mapping([]))
            return node.replacing(.mapping([(pairs[0].key, try setting(path, to: value, in: settings, axis: axis))]))
        default:
            return node
        }
    }

    /// Sets `path` inside the mapping `node`, adding keys that are missing.
    private static func setting(_ path: [String], to value: ConfigValue, in node: ConfigValue, axis: Axis) throws -> ConfigValue {
        guard case .mapping(var pairs) = node.content else {
            throw tooDeep(axis, below: String(node.path.split(separator: ".").last ?? ""))
        }
        let key = path[0]
        let index = pairs.firstIndex { pair in
            if case .scalar(let name, _) = pair.key.content { return name == key }
            return false
        }
        let replacement = path.count == 1
            ? value
            : try setting(Array(path.dropFirst()), to: value, in: index.map { pairs[$0].value } ?? node.replacing(.mapping([])), axis: axis)
        if let index {
            pairs[index].value = replacement
        } else {
            pairs.append((value.replacing(.scalar(key, plain: true)), replacement))
        }
        return node.replacing(.mapping(pairs))
    }
}

extension SweepGrid {
    static func tooDeep(_ axis: Axis, below key: String) -> ExperimentError {
        axis.key.error("sweep path '\(axis.name)' goes below '\(key)', which holds a single value")
    }
}

extension ConfigValue {
    var isMapping: Bool {
        if case .mapping = content { return true }
        return false
    }

    var isScalar: Bool {
        if case .scalar = content { return true }
        return false
    }
}
