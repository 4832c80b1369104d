import BackpropCore

/// Components of one kind (optimizers, layers, ...) by the names experiment
/// files use: one registry of a `Catalog`, an immutable value.
///
/// A registry builds the component written in a file through its one
/// `init(settings:)`, and documents it by running the same reads in
/// describing mode. It is filled by `Catalog` (built-ins, then plugins'
/// registrations), which checks each name against every registry.
public struct Registry<Product>: Sendable {
    struct Entry: Sendable {
        var summary: String
        var presets: ConfigValue?
        /// file:line of the registration, for a name registered twice.
        var place: String
        var make: @Sendable (Settings) throws -> Product
    }

    /// What the registry holds, in messages: "optimizer", "layer", ...
    public let kind: String
    /// Registries with one namespace share their names: layers and
    /// activations are both written in `model:`, so a name is one or the other.
    let namespace: String
    /// Names no component may take, each with the reason.
    let reserved: [String: String]
    private var entries: [String: Entry] = [:]
    /// Registered names in the order they were registered.
    public private(set) var namesInRegistrationOrder: [String] = []

    init(kind: String, namespace: String? = nil, reserved: [String: String] = [:]) {
        self.kind = kind
        self.namespace = namespace ?? kind
        self.reserved = reserved
    }

    /// Registered names in alphabetical order, as messages list them.
    public var names: [String] { entries.keys.sorted() }

    public func contains(_ name: String) -> Bool { entries[name] != nil }

    func place(of name: String) -> String? { entries[name]?.place }

    func summary(of name: String) -> String? { entries[name]?.summary }

    mutating func add(_ name: String, _ entry: Entry) {
        namesInRegistrationOrder.append(name)
        entries[name] = entry
    }

    /// Builds the component written at `value` (a name, or a one-key map of
    /// the name to its settings); a nested component a setting names (a dense
    /// layer's `init:`) comes from `catalog`.
    func make(from value: ConfigValue, catalog: Catalog) throws -> Product {
        let (name, nameValue, settingsValue) = try value.component(kind: kind)
        guard let entry = entries[name] else {
            throw nameValue.error(unknownNameMessage(kind, name, known: names))
        }
        let settings = try Settings(component: name, value: settingsValue, position: nameValue, presets: entry.presets, catalog: catalog)
        let product = try entry.make(settings)
        try settings.finish()
        return product
    }

    /// The settings of `name` as its `init(settings:)` reads them in
    /// describing mode (each with its default), or nil for an unknown name.
    func describing(_ name: String, catalog: Catalog) -> Settings? {
        guard let entry = entries[name] else { return nil }
        let settings = Settings.describing(name, presets: entry.presets, catalog: catalog)
        _ = try? entry.make(settings)
        return settings
    }

    /// The same entries, each product passed through `transform`: how the
    /// output sees the catalog's charts as its `Chart`s.
    package func map<Other>(_ transform: @escaping @Sendable (Product) throws -> Other) -> Registry<Other> {
        var mapped = Registry<Other>(kind: kind, namespace: namespace, reserved: reserved)
        for name in namesInRegistrationOrder {
            guard let entry = entries[name] else { continue }
            let make = entry.make
            mapped.add(name, .init(summary: entry.summary, presets: entry.presets, place: entry.place) { try transform(make($0)) })
        }
        return mapped
    }
}

/// A name experiment files can write without quoting (`adam`, `he_normal`),
/// and a chart's file names are made of: lowercase letters, digits and '_',
/// starting with a letter.
package func isLowercaseName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
}

/// A registration the library cannot take: a name registered twice, a
/// component whose own defaults fail its checks, ... It names the place of
/// the registration (and of the earlier one), and is a defect of the code
/// that registers, not of an experiment file: the command line exits 70.
public struct RegistrationError: Error, CustomStringConvertible {
    public var description: String
    package init(_ description: String) { self.description = terminalSafe(description) }
}

/// A registered component as `backprop list` shows it.
public struct ComponentDescription: Sendable {
    public var name: String
    public var summary: String
    public var settings: [Settings.Description]
}
