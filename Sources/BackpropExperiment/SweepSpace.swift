import Foundation
import BackpropTraining

/// `sweep:`: the settings every contender is repeated over.
///
///     sweep:
///       grid: {optimizer.lr: [0.001, 0.01], batch: [1, full]}    # every combination
///       zip: {optimizer.lr: [0.1, 0.01], epochs: [50, 200]}       # paired: (0.1, 50), (0.01, 200)
///       random: {trials: 20, seed: 1, space: {optimizer.lr: {log_uniform: [1e-5, 1]}, batch: {choice: [16, 32]}}}
///
/// Each section is a factor (a grid key is one factor of its own, a `zip:`
/// group one, `random:` one) and a contender runs every combination of one
/// point per factor. A key path starts at a train key (or `train.`), at
/// `model.INDEX.LAYER.SETTING`, or at `runs.LABEL.` (`runs.*.`) for one
/// contender (or each); below `optimizer` and `schedule` it names a setting of
/// whichever component the run uses.
struct SweepSpace {
    struct Axis {
        /// The path as written, `runs.*.` removed: `optimizer.lr`, `model.0.dense.units`.
        var path: [String]
        /// The contender it applies to (`runs.LABEL.`), nil for every one.
        var contender: String?
        /// Where the key path is written, for errors.
        var key: ConfigValue
        /// The full path as written, for charts and summary: `runs.Adam.optimizer.lr`.
        var name: String

        /// What a run's label shows: the last part of the path (`lr=0.01`).
        var shortName: String { path.last ?? name }

        func applies(to contender: String) -> Bool { self.contender == nil || self.contender == contender }
    }

    /// Points of some axes, one value per axis each.
    struct Factor {
        var axes: [Axis]
        var points: [[ConfigValue]]
    }

    private(set) var factors: [Factor] = []
    /// At most this many runs from one file: more is a typo, and would take
    /// the memory and time of the machine before the first run trains.
    static let maximumRuns = 100_000
    /// Train keys whose value is a component written `name` or `name: {settings}`.
    private static let componentKeys = ["optimizer", "schedule"]

    init() {}

    /// `contenders` are the runs' labels, for `runs.LABEL.` paths.
    init(_ value: ConfigValue, contenders: [String]) throws {
        let keys = try value.mapping(allowed: ["grid", "zip", "random"], what: "sweep")
        guard !keys.isEmpty else { throw value.error("sweep needs 'grid:', 'zip:' or 'random:'") }
        let axis = { (key: String, keyValue: ConfigValue) in try Self.axis(key, at: keyValue, contenders: contenders) }
        // In file order, so labels read as the file does.
        for (section, _, entry) in try value.entries() {
            switch section {
            case "grid":
                let entries = try entry.entries()
                guard !entries.isEmpty else { throw entry.error("sweep grid is empty: map at least one key path to values") }
                for (key, keyValue, list) in entries {
                    factors.append(Factor(axes: [try axis(key, keyValue)], points: try Self.values(list, key: key).map { [$0] }))
                }
            case "zip":
                let groups = entry.isMapping ? [entry] : try entry.sequence()
                guard !groups.isEmpty else { throw entry.error("sweep zip is empty: give key paths with lists of equal length") }
                for group in groups {
                    let entries = try group.entries()
                    guard let first = entries.first else { throw group.error("a zip group is empty: give key paths with lists of equal length") }
                    let lists = try entries.map { try Self.values($0.value, key: $0.key) }
                    for (index, list) in lists.enumerated() where list.count != lists[0].count {
                        throw entries[index].value.error("zip pairs values by position: '\(entries[index].key)' has \(list.count) values, '\(first.key)' has \(lists[0].count)")
                    }
                    factors.append(Factor(axes: try entries.map { try axis($0.key, $0.keyValue) },
                                          points: lists[0].indices.map { index in lists.map { $0[index] } }))
                }
            default:
                factors.append(try Self.randomFactor(entry, axis: axis))
            }
        }
        // One setting may be written several ways (train.batch, runs.*.batch, model.00...): compare what they set.
        let all = axes
        for (index, axis) in all.enumerated() {
            for earlier in all[..<index] where earlier.contender == nil || axis.contender == nil || earlier.contender == axis.contender {
                if earlier.path == axis.path {
                    throw axis.key.error("sweep sets '\(axis.name)' twice" + (earlier.name == axis.name ? "" : " (also as '\(earlier.name)')"))
                }
                // `optimizer` and `optimizer.lr`: one would overwrite the other.
                let (shorter, longer) = earlier.path.count < axis.path.count ? (earlier, axis) : (axis, earlier)
                if longer.path.starts(with: shorter.path) {
                    throw axis.key.error("sweep sets '\(longer.name)' and, above it, '\(shorter.name)': one would overwrite the other")
                }
            }
        }
    }

    var axes: [Axis] { factors.flatMap(\.axes) }
    var axisNames: [String] { axes.map(\.name) }

    /// The factors a contender varies over.
    func factors(for contender: String) -> [Factor] {
        factors.filter { $0.axes.contains { $0.applies(to: contender) } }
    }

    /// How many runs the contenders make, or an error past `maximumRuns`.
    func runCount(contenders: [String]) throws -> Int {
        var total = 0
        for contender in contenders {
            let count = factors(for: contender).reduce(1) { ModelSize.product($0, $1.points.count, plus: 0) ?? Int.max }
            total = ModelSize.product(1, total, plus: count) ?? Int.max
        }
        if total > Self.maximumRuns, let first = axes.first {
            throw first.key.error("the sweep makes \(total == Int.max ? "too many" : String(total)) runs (\(contenders.count) run(s) x every combination); at most \(Self.maximumRuns)")
        }
        return total
    }

    /// Every combination of one point per factor for `contender`, as the axes
    /// that apply to it and their values; one empty combination without a sweep.
    func combinations(for contender: String) -> [[(axis: Axis, value: ConfigValue)]] {
        factors(for: contender).reduce([[]]) { partial, factor in
            partial.flatMap { combination in
                factor.points.map { point in
                    combination + zip(factor.axes, point).filter { $0.0.applies(to: contender) }.map { ($0.0, $0.1) }
                }
            }
        }
    }

    // MARK: Reading

    private static func axis(_ key: String, at keyValue: ConfigValue, contenders: [String]) throws -> Axis {
        var setting = Substring(key)
        var contender: String?
        if key.hasPrefix("runs.") {
            // A label may hold dots (`v1.5`): the longest label the path starts with.
            let rest = key.dropFirst("runs.".count)
            if rest.hasPrefix("*.") {
                setting = rest.dropFirst(2)
            } else if let label = contenders.filter({ rest.hasPrefix($0 + ".") }).max(by: { $0.count < $1.count }) {
                contender = label
                setting = rest.dropFirst(label.count + 1)
            } else {
                let label = rest.split(separator: ".").first.map(String.init) ?? ""
                guard rest.contains(".") else { throw keyValue.error("sweep path '\(key)' needs runs.LABEL.SETTING (or runs.*.SETTING)") }
                throw keyValue.error(unknownNameMessage("run label in sweep path", label, known: contenders))
            }
        }
        var path = setting.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else { throw keyValue.error("sweep path '\(key)' has an empty part") }
        if path.first == "train" && path.count > 1 { path.removeFirst() }
        guard let first = path.first, ExperimentLoader.trainKeys.contains(first) || first == "model" else {
            throw keyValue.error(unknownKeyMessage(path.first ?? key, in: "sweep (paths start at a train key, model. or runs.)",
                                                   known: ExperimentLoader.trainKeys + ["model", "runs"]))
        }
        if first == "model" {
            guard path.count == 4, let index = Int(path[1]) else {
                throw keyValue.error("sweep path '\(key)' names a layer setting as model.INDEX.LAYER.SETTING, e.g. model.0.dense.units")
            }
            path[1] = String(index)
        }
        return Axis(path: path, contender: contender, key: keyValue, name: key)
    }

    private static func values(_ list: ConfigValue, key: String) throws -> [ConfigValue] {
        let values = try list.sequence()
        guard !values.isEmpty else { throw list.error("sweep '\(key)' has no values") }
        // As the trials see them: 0.1, 0.10 and 1e-1 are one value.
        var seen = Set<String>()
        for value in values where !seen.insert(value.canonical).inserted {
            throw value.error("sweep '\(key)' lists \(value.flowText) twice: its runs would repeat")
        }
        return values
    }

    /// `random: {trials: N, seed: S, space: {path: {log_uniform: [lo, hi]} | {uniform: ...} | {int_uniform: ...} | {choice: [...]}}}`:
    /// N distinct points drawn with the seed, floats to 4 significant digits
    /// (so labels stay short and the same seed draws the same points anywhere).
    private static func randomFactor(_ value: ConfigValue, axis makeAxis: (String, ConfigValue) throws -> Axis) throws -> Factor {
        let search = try RandomSearch(value)
        let entries = try search.space.entries()
        guard !entries.isEmpty else { throw search.space.error("sweep random space is empty: map key paths to distributions") }
        let distributions = try entries.map { try Distribution($0.value, key: $0.key) }
        var random = RandomGenerator(seed: search.seed)
        var points: [[ConfigValue]] = []
        var seen = Set<[String]>()
        // Choices alone may hold fewer distinct points than asked for: say so rather than loop.
        var attempts = 0
        while points.count < search.trials {
            attempts += 1
            if attempts > search.trials * 100 + 1000 {
                throw search.trialsPosition.error("sweep random space holds only \(points.count) distinct points; ask for at most that many trials")
            }
            let point = zip(distributions, entries).map { $0.draw(&random, at: $1.value) }
            if seen.insert(point.map(\.canonical)).inserted { points.append(point) }
        }
        return Factor(axes: try entries.map { try makeAxis($0.key, $0.keyValue) }, points: points)
    }

    /// `random:`'s keys: how many points to draw, with which seed, from which space.
    private struct RandomSearch: FileSection {
        static let key = "sweep random"
        var trials: Int
        var seed: UInt64
        var space: ConfigValue
        /// Where `trials` is written, for a space too small for it.
        var trialsPosition: ConfigValue

        init(settings: Settings) throws {
            trials = try settings.int("trials", default: nil, .atLeastOne)
            guard trials <= maximumRuns else {
                throw settings.problem("trials", "sweep random 'trials' must be at most \(maximumRuns), the most runs a file may make, found \(trials)")
            }
            trialsPosition = settings.position(of: "trials")
            seed = try settings.seed("seed", default: 0)
            space = try settings.value("space", "key paths mapped to distributions, e.g. {optimizer.lr: {log_uniform: [1e-5, 1]}}")
        }
    }

    /// One key's distribution in a random space.
    private enum Distribution {
        case uniform(Double, Double), logUniform(Double, Double), intUniform(Int, Int), choice([ConfigValue])

        init(_ value: ConfigValue, key: String) throws {
            let kinds = ["log_uniform", "uniform", "int_uniform", "choice"]
            let entries = try value.entries()
            guard entries.count == 1, let (kind, kindValue, argument) = entries.first else {
                throw value.error("sweep random '\(key)' takes one of \(kinds.joined(separator: ", ")), e.g. {log_uniform: [1e-5, 1]}")
            }
            if kind == "choice" {
                self = .choice(try SweepSpace.values(argument, key: key))
                return
            }
            guard kinds.contains(kind) else { throw kindValue.error(unknownNameMessage("distribution", kind, known: kinds)) }
            let bounds = try argument.sequence()
            guard bounds.count == 2 else { throw argument.error("sweep random '\(key)': \(kind) takes [low, high]") }
            if kind == "int_uniform" {
                let (low, high) = (try bounds[0].int(), try bounds[1].int())
                guard low <= high else { throw argument.error("sweep random '\(key)': low \(low) is above high \(high)") }
                let (span, overflow) = high.subtractingReportingOverflow(low)
                guard !overflow && span < Int(UInt32.max) else {
                    throw argument.error("sweep random '\(key)': int_uniform spans at most \(UInt32.max) values")
                }
                self = .intUniform(low, high)
                return
            }
            let (low, high) = (try bounds[0].double(), try bounds[1].double())
            guard low < high else { throw argument.error("sweep random '\(key)': low \(bounds[0].text) must be below high \(bounds[1].text)") }
            guard (high - low).isFinite else { throw argument.error("sweep random '\(key)': the range is too wide to draw from") }
            if kind == "log_uniform" {
                guard low > 0 else { throw bounds[0].error("sweep random '\(key)': log_uniform needs low > 0, found \(bounds[0].text)") }
                self = .logUniform(low, high)
            } else {
                self = .uniform(low, high)
            }
        }

        func draw(_ random: inout RandomGenerator, at position: ConfigValue) -> ConfigValue {
            func number(_ value: Double) -> ConfigValue {
                position.replacing(.scalar(String(format: "%.4g", value), plain: true))
            }
            switch self {
            case .uniform(let low, let high): return number(random.uniform(low, high))
            case .logUniform(let low, let high): return number(Double.exp(random.uniform(Double.log(low), Double.log(high))))
            case .intUniform(let low, let high):
                return position.replacing(.scalar(String(low + random.integer(below: high - low + 1)), plain: true))
            case .choice(let values): return values[random.integer(below: values.count)]
            }
        }
    }
}

extension SweepSpace {
    /// The merged settings of contender `label` with the axis's key path set to
    /// `value`; `model` is the experiment's model, for `model.` paths of a run
    /// without a model of its own.
    func override(_ settings: [String: ConfigValue], _ axis: Axis, with value: ConfigValue, run label: String,
                  model: ConfigValue) throws -> [String: ConfigValue] {
        var settings = settings
        let key = axis.path[0]
        if key == "model" {
            settings[key] = try Self.settingLayer(axis, to: value, in: settings[key] ?? model)
            return settings
        }
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

    /// `model.INDEX.LAYER.SETTING`: the layer at INDEX must be a LAYER.
    private static func settingLayer(_ axis: Axis, to value: ConfigValue, in model: ConfigValue) throws -> ConfigValue {
        var layers = try model.sequence()
        guard let index = Int(axis.path[1]), layers.indices.contains(index) else {
            throw axis.key.error("sweep path '\(axis.name)': the model has layers 0 to \(layers.count - 1)")
        }
        let name = try layers[index].component(kind: "layer").name
        guard name == axis.path[2] else {
            throw axis.key.error("sweep path '\(axis.name)': layer \(index) is '\(name)', not '\(axis.path[2])'")
        }
        layers[index] = try settingComponent([axis.path[3]], to: value, in: layers[index], axis: axis)
        return model.replacing(.sequence(layers))
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
