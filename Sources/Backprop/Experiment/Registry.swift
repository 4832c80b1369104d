import Foundation

/// Components of one kind (optimizers, layers, ...) by name.
///
/// An entry is a name, a one-line summary and a function that reads its
/// `Settings` and returns the component (or a spec that builds it per run).
/// Packages that depend on Backprop add their own entries with `register`;
/// experiment files then use them by name like the built-in ones.
public final class Registry<Product>: @unchecked Sendable {
    public struct Entry {
        public var name: String
        public var summary: String
        public var make: (Settings) throws -> Product
    }

    /// What the registry holds, in messages: "optimizer", "layer", ...
    public let kind: String
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    public init(kind: String) {
        self.kind = kind
    }

    /// Adds (or replaces) an entry.
    public func register(_ name: String, summary: String, make: @escaping (Settings) throws -> Product) {
        lock.lock()
        defer { lock.unlock() }
        entries[name] = Entry(name: name, summary: summary, make: make)
    }

    public var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return entries.keys.sorted()
    }

    public func contains(_ name: String) -> Bool { entry(name) != nil }

    func entry(_ name: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[name]
    }

    /// Builds the component written at `value` (a name or a one-key map).
    func make(from value: ConfigValue) throws -> Product {
        let (name, nameValue, settingsValue) = try value.component(kind: kind)
        guard let entry = entry(name) else {
            throw nameValue.error(unknownNameMessage(kind, name, known: names))
        }
        let settings = try Settings(component: name, value: settingsValue, position: nameValue)
        let product = try entry.make(settings)
        try settings.finish()
        return product
    }

    /// Builds a component by name with default settings.
    public func make(named name: String) throws -> Product {
        guard let entry = entry(name) else {
            throw ComponentError(unknownNameMessage(kind, name, known: names))
        }
        return try entry.make(try Settings(component: name, value: nil, position: nil))
    }

    /// Every entry with its settings and defaults, for `backprop list`.
    public func describe() -> [(name: String, summary: String, settings: [Settings.Description])] {
        names.compactMap { name in
            guard let entry = entry(name) else { return nil }
            let settings = Settings.describing(name)
            _ = try? entry.make(settings)
            return (name, entry.summary, settings.descriptions)
        }
    }
}
