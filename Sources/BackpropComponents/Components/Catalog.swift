import BackpropCore

/// Every component an experiment file can name, by kind: an immutable value
/// that loaders and commands are given, never a global.
///
/// `Catalog.builtIn` (the output's charts included) holds the library's own;
/// `Catalog.builtIn.adding(plugin)` is a new catalog with a plugin's
/// components beside them, and its digest in the version that keys results.
/// A name is checked against every registry as it is added: it is never
/// taken twice, and nothing is ever replaced.
public struct Catalog: Sendable {
    public private(set) var layers = Registry<any LayerSpec>(kind: "layer", namespace: "model")
    public private(set) var activations = Registry<any Activation>(kind: "activation", namespace: "model")
    public private(set) var losses = Registry<any Loss>(kind: "loss")
    public private(set) var optimizers = Registry<any OptimizerRule>(kind: "optimizer")
    public private(set) var initializers = Registry<any Initializer>(kind: "initializer")
    public private(set) var schedules = Registry<any LearningRateSchedule>(kind: "schedule")
    public private(set) var datasets = Registry<any Dataset>(kind: "dataset", reserved: Dictionary(uniqueKeysWithValues: datasetOptionKeys.map {
        ($0, "'\($0)' is a key of dataset: beside the source (dataset: {xor: ..., \($0): ...})")
    }))
    /// The charts `plots:` names. They are drawn by the output, which alone
    /// knows what a chart is: it registers and reads them as its `Chart`s.
    package var plots = Registry<any Component>(kind: "plot")
    /// The plugins added, in order: their names and digests join the version.
    public private(set) var plugins: [Plugin] = []

    /// The keys `dataset:` takes beside its source (the experiment loader reads them).
    package static let datasetOptionKeys = ["scale", "scale_target", "split"]

    /// An empty catalog; the library's own come in `builtInComponents`.
    init() {}

    // MARK: Making

    /// Builds the component of `kind` written at `value`: a name, or a one-key
    /// map of the name to its settings.
    public func make<Product>(_ kind: KeyPath<Catalog, Registry<Product>>, from value: ConfigValue) throws -> Product {
        try self[keyPath: kind].make(from: value, catalog: self)
    }

    /// Builds a component by name with settings written in code:
    /// `try catalog.make(\.optimizers, "sgd", ["lr": 0.1, "momentum": 0.9])`.
    public func make<Product>(_ kind: KeyPath<Catalog, Registry<Product>>, _ name: String, _ settings: ConfigValue = [:]) throws -> Product {
        try make(kind, from: [name: settings])
    }

    /// Every component of `kind` with its settings and defaults, in alphabetical order.
    public func describe<Product>(_ kind: KeyPath<Catalog, Registry<Product>>) -> [ComponentDescription] {
        let registry = self[keyPath: kind]
        return registry.names.compactMap { name in
            guard let settings = registry.describing(name, catalog: self), let summary = registry.summary(of: name) else { return nil }
            return ComponentDescription(name: name, summary: summary, settings: settings.descriptions)
        }
    }

    /// The settings of `name` that have neither a default nor a preset, in
    /// the order its `init(settings:)` reads them: it cannot be made without them.
    package func requiredSettings<Product>(of name: String, in kind: KeyPath<Catalog, Registry<Product>>) -> [String] {
        self[keyPath: kind].describing(name, catalog: self)?.requiredKeys ?? []
    }

    // MARK: Adding

    /// This catalog with `plugin`'s components; itself when the same plugin
    /// (same digest) is there already. Throws a `RegistrationError` when one of
    /// its registrations fails (nothing of it is added then), when its name is
    /// not lowercase letters, digits, '-' and '_' (or its digest not letters,
    /// digits, '.', '-' and '_'), or when another plugin of that name (another
    /// digest) is there.
    public func adding(_ plugin: Plugin) throws -> Catalog {
        try plugin.checkIdentity()
        if let earlier = plugins.first(where: { $0.name == plugin.name }) {
            if earlier.sourceDigest == plugin.sourceDigest { return self }
            throw RegistrationError("plugin '\(plugin.name)' is added twice: first with source \(earlier.sourceDigest), again with source \(plugin.sourceDigest)")
        }
        var catalog = self
        catalog.plugins.append(plugin)
        try plugin.registration(&catalog)
        return catalog
    }

    public mutating func register<T: LayerSpec>(layer type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                                fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.layers, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }

    public mutating func register<T: Activation>(activation type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                                 fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.activations, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }

    public mutating func register<T: Loss>(loss type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                           fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.losses, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }

    public mutating func register<T: OptimizerRule>(optimizer type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                                    fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.optimizers, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }

    public mutating func register<T: Initializer>(initializer type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                                  fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.initializers, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }

    public mutating func register<T: LearningRateSchedule>(schedule type: T.Type, as name: String? = nil, summary: String? = nil,
                                                           presets: ConfigValue? = nil, fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.schedules, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }

    public mutating func register<T: Dataset>(dataset type: T.Type, as name: String? = nil, summary: String? = nil, presets: ConfigValue? = nil,
                                              fileID: String = #fileID, line: Int = #line) throws {
        try register(type, in: \.datasets, as: name, summary: summary, presets: presets, place: "\(fileID):\(line)") { $0 }
    }

    /// Adds `type` to the registry at `kind` under its own name, or under
    /// `name` with `presets`: settings that change some defaults (`momentum`
    /// is `sgd` with momentum 0.9).
    ///
    /// Throws a `RegistrationError` naming `place` when the name is taken (by
    /// a built-in or an earlier registration, whose place it names too), is
    /// reserved, is not a lowercase name a file can write, `type`'s
    /// `init(settings:)` rejects its own defaults (that is how `backprop list`
    /// documents it), or a preset is not one of its settings. Nothing is added then.
    package mutating func register<T: Component, Product>(_ type: T.Type, in kind: WritableKeyPath<Catalog, Registry<Product>>, as name: String?,
                                                          summary: String?, presets: ConfigValue?, place: String,
                                                          product: @escaping @Sendable (T) -> Product) throws {
        let registry = self[keyPath: kind]
        let name = name ?? T.name
        func refuse(_ reason: String) -> RegistrationError {
            RegistrationError("\(place): cannot register \(T.self) as \(registry.kind) '\(name)': \(reason)")
        }
        guard isLowercaseName(name) else {
            throw refuse("a name is lowercase letters, digits and '_', starting with a letter")
        }
        let describing = Settings.describing(name, presets: presets, catalog: self)
        do {
            _ = try T(settings: describing)
        } catch {
            throw refuse("its init(settings:) rejects its own defaults (\(error))")
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
        if let reason = registry.reserved[name] { throw refuse(reason) }
        if let earlier = claim(of: name, namespace: registry.namespace) {
            throw RegistrationError("\(place): \(registry.kind) '\(name)' is registered twice: first as \(article(earlier.kind)) \(earlier.kind) at \(earlier.place), again here (\(T.self))")
        }
        self[keyPath: kind].add(name, .init(summary: summary ?? T.summary, presets: presets, place: place) { product(try T(settings: $0)) })
    }

    /// The registry and place that hold `name` in `namespace`, if one does.
    private func claim(of name: String, namespace: String) -> (kind: String, place: String)? {
        func claim<Product>(_ registry: Registry<Product>) -> (kind: String, place: String)? {
            guard registry.namespace == namespace, let place = registry.place(of: name) else { return nil }
            return (registry.kind, place)
        }
        return claim(layers) ?? claim(activations) ?? claim(losses) ?? claim(optimizers) ?? claim(initializers) ?? claim(schedules)
            ?? claim(datasets) ?? claim(plots)
    }

    /// A registration of the library's own, checked by every test run:
    /// failing it is a defect here, not an input.
    package mutating func registerBuiltIn(_ registration: (inout Catalog) throws -> Void) {
        do {
            try registration(&self)
        } catch {
            preconditionFailure("built-in \(error)")
        }
    }
}

extension Catalog {
    /// The library's components, without the output's charts (`Catalog.builtIn` has them):
    /// what code below the output makes components from when no catalog is given.
    public static let builtInComponents: Catalog = {
        var catalog = Catalog()
        // Initializers first: a dense layer's defaults name one.
        catalog.registerBuiltInInitializers()
        catalog.registerBuiltInActivations()
        catalog.registerBuiltInLayers()
        catalog.registerBuiltInLosses()
        catalog.registerBuiltInOptimizers()
        catalog.registerBuiltInSchedules()
        catalog.registerBuiltInDatasets()
        return catalog
    }()
}
