import Foundation

/// Components of one kind (optimizers, layers, ...) by the names experiment
/// files use.
///
/// Each kind's folder declares its registry (`Registries.optimizers` in
/// `Optimizers/OptimizerRegistry.swift`) with its built-in components, one
/// line each. A package that depends on Backprop adds its own with
/// `register`; experiment files then use them by name like the built-in ones.
public final class Registry<Product>: @unchecked Sendable {
    struct Entry {
        var summary: String
        var presets: ConfigValue?
        var make: (Settings) throws -> Product
    }

    /// What the registry holds, in messages: "optimizer", "layer", ...
    public let kind: String
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private let lock = NSLock()

    /// A registry of `kind`, holding `components` under their own names.
    public init(kind: String, _ components: [any Component.Type] = []) {
        self.kind = kind
        for component in components { register(component) }
    }

    /// Adds `type` under its own name, or under `name` with `presets`: settings
    /// that change some defaults (`momentum` is `sgd` with momentum 0.9).
    ///
    /// Mistakes here are programming errors and stop the program at once:
    /// `type` must conform to the registry's protocol (`OptimizerRule` for
    /// optimizers, ...), its `init(settings:)` must accept its own defaults
    /// (that is how `backprop list` documents it), and every preset must be
    /// one of its settings.
    public func register<T: Component>(_ type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil) {
        let name = name ?? T.name
        let describing = Settings.describing(name, presets: presets)
        let example: T
        do {
            example = try T(settings: describing)
        } catch {
            fatalError("\(T.self) cannot be registered: its init(settings:) rejects its own defaults (\(error))")
        }
        guard example is Product else {
            fatalError("\(T.self) is not \(article(kind)) \(kind): it cannot be registered with the \(kind)s")
        }
        for preset in (try? presets?.entries()) ?? [] where !describing.descriptions.contains(where: { $0.name == preset.key }) {
            fatalError("preset '\(preset.key)' is not a setting of \(T.name)")
        }
        lock.lock()
        defer { lock.unlock() }
        if entries[name] == nil { order.append(name) }
        let kind = kind
        entries[name] = Entry(summary: summary ?? T.summary, presets: presets) { settings in
            guard let product = try T(settings: settings) as? Product else { throw ComponentError("\(T.self) is not \(article(kind)) \(kind)") }
            return product
        }
    }

    /// Registered names in alphabetical order, as messages list them.
    public var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return entries.keys.sorted()
    }

    /// Registered names in the order they were registered.
    public var namesInRegistrationOrder: [String] {
        lock.lock()
        defer { lock.unlock() }
        return order
    }

    public func contains(_ name: String) -> Bool { entry(name) != nil }

    private func entry(_ name: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[name]
    }

    /// Builds the component written at `value`: a name, or a one-key map of
    /// the name to its settings.
    public func make(from value: ConfigValue) throws -> Product {
        let (name, nameValue, settingsValue) = try value.component(kind: kind)
        guard let entry = entry(name) else {
            throw nameValue.error(unknownNameMessage(kind, name, known: names))
        }
        let settings = try Settings(component: name, value: settingsValue, position: nameValue, presets: entry.presets)
        let product = try entry.make(settings)
        try settings.finish()
        return product
    }

    /// Builds a component by name with settings written in code:
    /// `try Registries.optimizers.make("sgd", ["lr": 0.1, "momentum": 0.9])`.
    public func make(_ name: String, _ settings: ConfigValue = [:]) throws -> Product {
        try make(from: [name: settings])
    }

    /// Every entry with its settings and defaults, in alphabetical order.
    public func describe() -> [ComponentDescription] {
        names.compactMap { name in
            guard let entry = entry(name) else { return nil }
            let settings = Settings.describing(name, presets: entry.presets)
            _ = try? entry.make(settings)
            return ComponentDescription(name: name, summary: entry.summary, settings: settings.descriptions)
        }
    }
}

/// A registered component as `backprop list` shows it.
public struct ComponentDescription: Sendable {
    public var name: String
    public var summary: String
    public var settings: [Settings.Description]
}

/// The registries experiment files read names from, one per kind of
/// component; each kind's folder adds its own (`Registries.optimizers`, ...).
public enum Registries {}
