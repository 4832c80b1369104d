import BackpropTraining

/// A section of an experiment or suite file (`stop:`, `split:`, `tuning:`,
/// ...), read as a component is: its one `init(settings:)` names each key
/// with its default and range, so the ranges, defaults and messages come from
/// `Settings`, and the same reads describe the section (`descriptions`).
/// A section is written under its key, not looked up by name, so it is no
/// `Component` and not in the catalog. A section whose checks span keys
/// (`patience` goes with `min_delta`) calls `settings.finish()` before them, so
/// a misspelt key is named as such rather than as a missing one.
protocol FileSection {
    /// The key the section is written under, which its messages name:
    /// `stop 'patience' must be >= 1, found 0`.
    static var key: String { get }
    init(settings: Settings) throws
}

extension FileSection {
    /// The section written at `value`; keys that no read asked for are errors.
    init(_ value: ConfigValue) throws {
        let settings = try Settings(component: Self.key, value: value, catalog: Self.catalog)
        try self.init(settings: settings)
        try settings.finish()
    }

    /// The section's keys with their defaults and ranges, as `backprop list`
    /// documents a component.
    static var descriptions: [Settings.Description] {
        let settings = Settings.describing(key, catalog: catalog)
        _ = try? Self(settings: settings)
        return settings.descriptions
    }

    /// A section names no component; `Settings` needs a catalog all the same.
    private static var catalog: Catalog { .builtInComponents }
}

extension Settings {
    /// A seed: a whole number >= 0, so every seed key is read alike.
    func seed(_ key: String, default defaultValue: UInt64) throws -> UInt64 {
        UInt64(try int(key, default: Int(defaultValue), .nonNegative))
    }
}
