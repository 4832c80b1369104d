import BackpropCore

/// The settings of one component as an experiment file (or code) wrote them,
/// read by the component's `init(settings:)`.
///
/// Each read names the key, its default and its allowed range, so the same
/// code both decodes a file and documents the component for `backprop list`
/// (a `Settings` made with `describing` answers every read with its default
/// and records it). Keys that no read asked for are errors, with a did-you-mean.
/// A registry entry may carry presets: values used where the file gives none,
/// shown by `backprop list` as the defaults.
public final class Settings {
    /// One documented setting, as `backprop list` prints it.
    public struct Description: Sendable, Equatable {
        public var name: String
        public var defaultValue: String
        public var constraint: String
    }

    /// A range check for numeric settings.
    public enum Check: Sendable {
        /// `count`: a whole number from 1 to 10 million (units, samples, epochs, ...):
        /// large enough for any experiment here, small enough that a typo cannot
        /// ask for terabytes.
        case any, positive, nonNegative, unitInterval, probability, atLeastOne, count
        /// A count from the given minimum (classes from 2, ...).
        case countFrom(Int)
        public static let largestCount = 10_000_000
        func allows(_ value: Double) -> Bool {
            switch self {
            case .any: return true
            case .positive: return value > 0
            case .nonNegative: return value >= 0
            case .unitInterval: return value >= 0 && value < 1
            case .probability: return value >= 0 && value <= 1
            case .atLeastOne: return value >= 1
            case .count: return value >= 1 && value <= Double(Check.largestCount)
            case .countFrom(let minimum): return value >= Double(minimum) && value <= Double(Check.largestCount)
            }
        }
        var expectation: String {
            switch self {
            case .any: return ""
            case .positive: return "> 0"
            case .nonNegative: return ">= 0"
            case .unitInterval: return "in [0, 1)"
            case .probability: return "in [0, 1]"
            case .atLeastOne: return ">= 1"
            case .count: return "from 1 to \(Check.largestCount)"
            case .countFrom(let minimum): return "from \(minimum) to \(Check.largestCount)"
            }
        }
    }

    /// The name the component was written with, for messages.
    public let component: String
    private let values: [String: ConfigValue]
    private let keyPositions: [String: ConfigValue]
    /// The keys as the file wrote them, in its order.
    package let writtenKeys: [String]
    private let presets: [String: ConfigValue]
    private let position: ConfigValue?
    private var read: [String] = []
    public private(set) var descriptions: [Description] = []
    /// When describing: the keys read that have neither a default nor a
    /// preset, which code or a file must give before the component can be made.
    package private(set) var requiredKeys: [String] = []
    public let isDescribing: Bool
    /// Where a nested component a setting names (a dense layer's `init:`) comes from.
    public let catalog: Catalog
    /// What the reads of numbers, flags, texts and number lists returned, in
    /// their order, each as Swift prints it (`0.1`, `1.0`, `[0.9, 0.999]`); an
    /// optional setting left out is not among them. See `described(as:)`.
    package private(set) var valuesRead: [(key: String, value: String)] = []

    /// The settings written at `value` (a mapping, or nil for none) for the
    /// component named at `position`.
    package init(component: String, value: ConfigValue?, position: ConfigValue? = nil, presets: ConfigValue? = nil, catalog: Catalog) throws {
        self.component = component
        self.catalog = catalog
        self.position = position ?? value
        isDescribing = false
        var values: [String: ConfigValue] = [:]
        var keys: [String: ConfigValue] = [:]
        let entries = try value?.entries() ?? []
        for (key, keyValue, entry) in entries {
            values[key] = entry
            keys[key] = keyValue
        }
        self.values = values
        self.keyPositions = keys
        writtenKeys = entries.map(\.key)
        self.presets = try Self.mapping(presets)
    }

    private init(describing component: String, presets: [String: ConfigValue], catalog: Catalog) {
        self.component = component
        self.catalog = catalog
        values = [:]
        keyPositions = [:]
        writtenKeys = []
        self.presets = presets
        position = nil
        isDescribing = true
    }

    /// Settings that answer every read with its default (or preset), to document an entry.
    package static func describing(_ component: String, presets: ConfigValue? = nil, catalog: Catalog) -> Settings {
        Settings(describing: component, presets: (try? mapping(presets)) ?? [:], catalog: catalog)
    }

    private static func mapping(_ value: ConfigValue?) throws -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, _, entry) in try value?.entries() ?? [] { result[key] = entry }
        return result
    }

    /// The value given for `key`: the file's, else the preset's.
    private func given(_ key: String) -> ConfigValue? {
        values[key] ?? presets[key]
    }

    // MARK: Reads

    public func double(_ key: String, default defaultValue: Double?, _ check: Check = .any) throws -> Double {
        guard let value = lookup(key, defaultValue.map(formatNumber), check.expectation) else {
            return noted(key, try fallback(key, defaultValue, placeholder: 1))
        }
        return noted(key, try checked(value, try value.double(), check, key: key))
    }

    public func int(_ key: String, default defaultValue: Int?, _ check: Check = .any) throws -> Int {
        guard let value = lookup(key, defaultValue.map(String.init), check.expectation) else {
            return noted(key, try fallback(key, defaultValue, placeholder: 1))
        }
        return noted(key, try checkedInt(value, key: key, check))
    }

    public func optionalDouble(_ key: String, _ check: Check = .any) throws -> Double? {
        guard let value = lookup(key, "none", check.expectation) else { return nil }
        return noted(key, try checked(value, try value.double(), check, key: key))
    }

    public func optionalInt(_ key: String, _ check: Check = .any) throws -> Int? {
        guard let value = lookup(key, "none", check.expectation) else { return nil }
        return noted(key, try checkedInt(value, key: key, check))
    }

    public func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        guard let value = lookup(key, "\(defaultValue)", "true or false") else { return noted(key, defaultValue) }
        return noted(key, try value.bool())
    }

    public func string(_ key: String, default defaultValue: String?, oneOf choices: [String]? = nil) throws -> String {
        let constraint = choices.map { "one of " + $0.joined(separator: ", ") } ?? "text"
        guard let value = lookup(key, defaultValue, constraint) else {
            return noted(key, try fallback(key, defaultValue, placeholder: choices?.first ?? ""))
        }
        return noted(key, try choice(value, key: key, choices))
    }

    /// An optional value that must be one of `choices`.
    public func optionalChoice(_ key: String, _ choices: [String]) throws -> String? {
        guard let value = lookup(key, "none", "one of " + choices.joined(separator: ", ")) else { return nil }
        return try choice(value, key: key, choices)
    }

    public func optionalString(_ key: String) throws -> String? {
        try lookup(key, "none", "text")?.string()
    }

    /// A list of numbers, e.g. Adam's `betas: [0.9, 0.999]`.
    public func doubles(_ key: String, default defaultValue: [Double]?, count: Int? = nil, _ check: Check = .any) throws -> [Double] {
        let defaultText = defaultValue.map { "[" + $0.map(formatNumber).joined(separator: ", ") + "]" }
        guard let value = lookup(key, defaultText, check.expectation) else {
            return noted(key, try fallback(key, defaultValue, placeholder: Array(repeating: 0, count: count ?? 1)))
        }
        let items = try value.sequence()
        if let count, items.count != count {
            throw value.error("\(component) '\(key)' needs \(count) numbers, found \(items.count)")
        }
        return noted(key, try items.map { try checked($0, try $0.double(), check, key: key) })
    }

    /// A list of names, e.g. CSV columns.
    public func strings(_ key: String, default defaultValue: [String]) throws -> [String] {
        guard let value = lookup(key, "[" + defaultValue.joined(separator: ", ") + "]", "list of names") else { return defaultValue }
        return try value.sequence().map { try $0.string() }
    }

    /// A list of numbers that may be left out, e.g. a dense layer's `bias`;
    /// `otherwise` says what happens then, for `backprop list`.
    public func optionalDoubles(_ key: String, otherwise: String) throws -> [Double]? {
        guard let value = lookup(key, "none (\(otherwise))", "list of numbers") else { return nil }
        return try value.sequence().map { try $0.double() }
    }

    /// A value as written, for a key of a shape no other read knows (a split
    /// size, a fraction or a count; a sweep's grid), which the caller reads;
    /// `constraint` says what it may be, for `backprop list`.
    package func value(_ key: String, _ constraint: String) throws -> ConfigValue {
        guard let value = lookup(key, nil, constraint) else { return try fallback(key, nil, placeholder: ConfigValue(.mapping([]))) }
        return value
    }

    /// A value as written that may be left out.
    package func optionalValue(_ key: String, _ constraint: String) -> ConfigValue? {
        lookup(key, "none", constraint)
    }

    /// A matrix of numbers written as a list of rows, e.g. inline inputs.
    public func matrix(_ key: String) throws -> [[Double]] {
        guard let value = lookup(key, nil, "list of rows") else { return try fallback(key, nil, placeholder: []) }
        return try rows(of: value, key: key)
    }

    /// A matrix that may be left out, e.g. a dense layer's starting `weights`.
    public func optionalMatrix(_ key: String, otherwise: String) throws -> [[Double]]? {
        guard let value = lookup(key, "none (\(otherwise))", "list of rows") else { return nil }
        return try rows(of: value, key: key)
    }

    private func rows(of value: ConfigValue, key: String) throws -> [[Double]] {
        let rows = try value.sequence().map { try $0.sequence().map { try $0.double() } }
        if let width = rows.first?.count, rows.contains(where: { $0.count != width }) {
            throw value.error("\(component) '\(key)' rows have different lengths")
        }
        return rows
    }

    /// Targets written inline: one number per sample, or a list per sample.
    package func inlineTargets(_ key: String) throws -> [[Double]] {
        guard let value = lookup(key, nil, "a number or a list per sample") else {
            return try fallback(key, nil, placeholder: [])
        }
        return try value.sequence().map { item in
            if case .sequence = item.content { return try item.sequence().map { try $0.double() } }
            return [try item.double()]
        }
    }

    /// A nested component such as an initializer (`init: he_normal`), read
    /// from its registry, or made by its default name.
    public func component<Product>(_ key: String, in kind: KeyPath<Catalog, Registry<Product>>, default defaultName: String) throws -> Product {
        let registry = catalog[keyPath: kind]
        guard let value = lookup(key, defaultName, "\(article(registry.kind)) \(registry.kind)") else { return try catalog.make(kind, defaultName) }
        return try catalog.make(kind, from: value)
    }

    /// Where `key` is written (the component's name when it is not), for
    /// errors found later, such as a missing file when the data is loaded.
    public func position(of key: String) -> ConfigValue {
        values[key]?.position ?? position?.position ?? ConfigValue(.scalar("", plain: false))
    }

    /// Whether the file (or a preset) gave this key, for settings whose default depends on others.
    public func has(_ key: String) -> Bool { values[key] != nil || presets[key] != nil }

    /// An error about a setting's value, positioned at it.
    public func problem(_ key: String, _ message: String) -> Error {
        if let value = values[key] { return value.error(message) }
        return problem(message)
    }

    /// An error about the component as a whole, positioned at its name.
    public func problem(_ message: String) -> Error {
        if let position { return position.error(message) }
        return ComponentError(message)
    }

    /// `name(key: value, ...)` of the values read so far: a component's
    /// one-line description (`adam(lr: 0.001, ...)`) taken from its reads, so
    /// that it names each setting as files and `backprop list` do.
    package func described(as name: String) -> String {
        Self.describe(name, valuesRead)
    }

    /// `name(key: value, ...)` of some of the values read.
    package static func describe(_ name: String, _ values: [(key: String, value: String)]) -> String {
        name + "(" + values.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }

    /// Fails on keys that no read asked for.
    public func finish() throws {
        for (key, keyValue) in keyPositions.sorted(by: { $0.key < $1.key }) where !read.contains(key) {
            throw keyValue.error(unknownKeyMessage(key, in: "\(component) settings", known: read))
        }
    }

    // MARK: Helpers

    /// Records the read (for unknown keys and for `backprop list`) and returns
    /// the value given for `key`; `defaultText` nil means the key is required.
    private func lookup(_ key: String, _ defaultText: String?, _ constraint: String) -> ConfigValue? {
        read.append(key)
        if isDescribing, !descriptions.contains(where: { $0.name == key }) {
            let shown = presets[key]?.text ?? defaultText ?? "required"
            descriptions.append(Description(name: key, defaultValue: shown, constraint: constraint))
        }
        return values[key] ?? presets[key]
    }

    /// `value`, noted in `valuesRead` under `key`.
    private func noted<Value>(_ key: String, _ value: Value) -> Value {
        valuesRead.append((key, "\(value)"))
        return value
    }

    /// The default for a key nobody gave: required keys are errors, except when
    /// describing, where `placeholder` stands in.
    private func fallback<Value>(_ key: String, _ defaultValue: Value?, placeholder: Value) throws -> Value {
        if let defaultValue { return defaultValue }
        if isDescribing {
            if !requiredKeys.contains(key) { requiredKeys.append(key) }
            return placeholder
        }
        // A missing key is often a typo of one that was given: name it.
        let unread = values.keys.filter { !read.contains($0) }
        let hint = closestName(to: key, in: unread).map { " (is '\($0)' a typo for it?)" } ?? ""
        throw problem("\(component) needs '\(key)'\(hint)")
    }

    /// A whole number read as such (never through Double, which cannot hold
    /// every Int), then range-checked.
    private func checkedInt(_ value: ConfigValue, key: String, _ check: Check) throws -> Int {
        let number = try value.int()
        _ = try checked(value, Double(number), check, key: key)
        return number
    }

    private func checked(_ value: ConfigValue, _ number: Double, _ check: Check, key: String) throws -> Double {
        guard check.allows(number) else {
            throw value.error("\(component) '\(key)' must be \(check.expectation), found \(value.text)")
        }
        return number
    }

    private func choice(_ value: ConfigValue, key: String, _ choices: [String]?) throws -> String {
        let text = try value.string()
        if let choices, !choices.contains(text) {
            throw value.error(unknownNameMessage("value for \(component) '\(key)':", text, known: choices))
        }
        return text
    }
}
