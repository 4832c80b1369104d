import Foundation
import BackpropCore

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
    /// Where names are claimed: the registry's own, or one it shares (layers
    /// and activations are both written in `model:`, so a name is one or the other).
    private let namespace: RegistryNamespace

    /// A registry of `kind` holding the library's own `components` under
    /// their own names. They are checked as a plugin's are; a mistake among
    /// them is a defect of this library, which every test run would meet.
    package init(kind: String, _ components: [any Component.Type] = [], namespace: RegistryNamespace? = nil,
                 fileID: String = #fileID, line: Int = #line) {
        self.kind = kind
        self.namespace = namespace ?? RegistryNamespace()
        for component in components { registerBuiltIn(component, fileID: fileID, line: line) }
    }

    /// Adds `type` under its own name, or under `name` with `presets`: settings
    /// that change some defaults (`momentum` is `sgd` with momentum 0.9).
    ///
    /// Throws a `RegistrationError` naming the place of this call when the name
    /// is taken (by a built-in or an earlier registration, whose place it names
    /// too: nothing is ever replaced), is not a lowercase name a file can
    /// write, `type` does not conform to the registry's protocol
    /// (`OptimizerRule` for optimizers, ...), its `init(settings:)` rejects its
    /// own defaults (that is how `backprop list` documents it), or a preset is
    /// not one of its settings. Nothing is registered then.
    public func register<T: Component>(_ type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                       fileID: String = #fileID, line: Int = #line) throws {
        try add(type, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)", isBuiltIn: false)
    }

    private func add<T: Component>(_ type: T.Type, as name: String?, summary: String?, presets: ConfigValue?, place: String, isBuiltIn: Bool) throws {
        let name = name ?? T.name
        func refuse(_ reason: String) -> RegistrationError {
            RegistrationError("\(place): cannot register \(T.self) as \(kind) '\(name)': \(reason)")
        }
        guard isLowercaseName(name) else {
            throw refuse("a name is lowercase letters, digits and '_', starting with a letter")
        }
        let describing = Settings.describing(name, presets: presets)
        let example: T
        do {
            example = try T(settings: describing)
        } catch {
            throw refuse("its init(settings:) rejects its own defaults (\(error))")
        }
        guard example is Product else {
            throw refuse("it is not \(article(kind)) \(kind)")
        }
        let presetKeys: [String]
        do {
            presetKeys = try presets?.entries().map(\.key) ?? []
        } catch {
            throw refuse("its presets are not a mapping of settings to values")
        }
        for key in presetKeys where !describing.descriptions.contains(where: { $0.name == key }) {
            throw refuse("preset '\(key)' is not one of its settings; known: \(describing.descriptions.map(\.name).sorted().joined(separator: ", "))")
        }
        if let reason = namespace.reserved[name] { throw refuse(reason) }
        if !isBuiltIn { namespace.builtIns() }
        if let earlier = namespace.claim(name, kind: kind, place: place) {
            throw RegistrationError("\(place): \(kind) '\(name)' is registered twice: first as \(article(earlier.kind)) \(earlier.kind) at \(earlier.place), again here (\(T.self))")
        }
        lock.lock()
        defer { lock.unlock() }
        order.append(name)
        let productKind = kind
        entries[name] = Entry(summary: summary ?? T.summary, presets: presets) { settings in
            guard let product = try T(settings: settings) as? Product else { throw ComponentError("\(T.self) is not \(article(productKind)) \(productKind)") }
            return product
        }
    }

    /// `register` for the library's own components, whose registration is
    /// checked by every test run: failing it is a defect here, not an input.
    package func registerBuiltIn<T: Component>(_ type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                               fileID: String = #fileID, line: Int = #line) {
        do {
            try add(type, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)", isBuiltIn: true)
        } catch {
            preconditionFailure("built-in \(error)")
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

    /// The settings of `name` that have neither a default nor a preset, in
    /// the order its `init(settings:)` reads them: it cannot be made without them.
    package func requiredSettings(of name: String) -> [String] {
        guard let entry = entry(name) else { return [] }
        let settings = Settings.describing(name, presets: entry.presets)
        _ = try? entry.make(settings)
        return settings.requiredKeys
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

/// A name experiment files can write without quoting (`adam`, `he_normal`),
/// and a chart's file names are made of: lowercase letters, digits and '_',
/// starting with a letter.
package func isLowercaseName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
}

/// The names claimed in one or more registries, each with the kind and the
/// place (file:line) of the registration that claimed it.
package final class RegistryNamespace: @unchecked Sendable {
    private var claims: [String: (kind: String, place: String)] = [:]
    private let lock = NSLock()
    /// Makes every registry that shares the names, so their built-in names
    /// are claimed before a plugin's: registries are made on first use, and
    /// a plugin may register an activation before anything used the layers.
    let builtIns: @Sendable () -> Void
    /// Names no component may take, each with the reason.
    let reserved: [String: String]

    package init(reserved: [String: String] = [:], builtIns: @escaping @Sendable () -> Void = {}) {
        self.reserved = reserved
        self.builtIns = builtIns
    }

    /// Claims `name`, or returns the earlier claim and changes nothing.
    func claim(_ name: String, kind: String, place: String) -> (kind: String, place: String)? {
        lock.lock()
        defer { lock.unlock() }
        if let earlier = claims[name] { return earlier }
        claims[name] = (kind, place)
        return nil
    }
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

/// The registries experiment files read names from, one per kind of
/// component; each kind's folder adds its own (`Registries.optimizers`, ...).
public enum Registries {}
