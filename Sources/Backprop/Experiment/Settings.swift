/// The settings of one component, as written in an experiment file, read by
/// the component's registry entry.
///
/// Each read names the key, its default and its allowed range, so the same
/// entry code both decodes a file and documents itself for `backprop list`
/// (a `Settings` made with `describing()` answers every read with the default
/// and records it). Keys that no read asked for are errors, with a did-you-mean.
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
            }
        }
    }

    let component: String
    private let values: [String: ConfigValue]
    private let keyPositions: [String: ConfigValue]
    private let position: ConfigValue?
    private var read: [String] = []
    public private(set) var descriptions: [Description] = []
    public let isDescribing: Bool

    init(component: String, value: ConfigValue?, position: ConfigValue?) throws {
        self.component = component
        self.position = position ?? value
        isDescribing = false
        var values: [String: ConfigValue] = [:]
        var keys: [String: ConfigValue] = [:]
        if let value {
            for (key, keyValue, entry) in try value.entries() {
                values[key] = entry
                keys[key] = keyValue
            }
        }
        self.values = values
        self.keyPositions = keys
    }

    private init(describing component: String) {
        self.component = component
        values = [:]
        keyPositions = [:]
        position = nil
        isDescribing = true
    }

    /// Settings that answer every read with its default, to document an entry.
    public static func describing(_ component: String) -> Settings {
        Settings(describing: component)
    }

    // MARK: Reads

    public func double(_ key: String, default defaultValue: Double?, _ check: Check = .any) throws -> Double {
        try number(key, defaultValue, check, placeholder: 1) { try $0.double() }
    }

    public func int(_ key: String, default defaultValue: Int?, _ check: Check = .any) throws -> Int {
        note(key, defaultValue.map(String.init) ?? "required", check.expectation)
        guard !isDescribing else { return defaultValue ?? 1 }
        guard let value = values[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key)
        }
        return try checkedInt(value, key: key, check)
    }

    /// A whole number read as such (never through Double, which cannot hold
    /// every Int), then range-checked.
    private func checkedInt(_ value: ConfigValue, key: String, _ check: Check) throws -> Int {
        let number = try value.int()
        _ = try checked(value, Double(number), check, key: key)
        return number
    }

    public func optionalDouble(_ key: String, _ check: Check = .any) throws -> Double? {
        note(key, "none", check.expectation)
        guard let value = values[key], !isDescribing else { return nil }
        return try checked(value, try value.double(), check, key: key)
    }

    public func optionalInt(_ key: String, _ check: Check = .any) throws -> Int? {
        note(key, "none", check.expectation)
        guard let value = values[key], !isDescribing else { return nil }
        return try checkedInt(value, key: key, check)
    }

    public func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        note(key, "\(defaultValue)", "true or false")
        guard let value = values[key], !isDescribing else { return defaultValue }
        return try value.bool()
    }

    public func string(_ key: String, default defaultValue: String?, oneOf choices: [String]? = nil) throws -> String {
        note(key, defaultValue ?? "required", choices.map { "one of " + $0.joined(separator: ", ") } ?? "text")
        guard !isDescribing else { return defaultValue ?? choices?.first ?? "" }
        guard let value = values[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key)
        }
        let text = try value.string()
        if let choices, !choices.contains(text) {
            throw value.error(unknownNameMessage("value for \(component) '\(key)':", text, known: choices))
        }
        return text
    }

    /// An optional value that must be one of `choices`.
    public func optionalChoice(_ key: String, _ choices: [String]) throws -> String? {
        note(key, "none", "one of " + choices.joined(separator: ", "))
        guard let value = values[key], !isDescribing else { return nil }
        let text = try value.string()
        guard choices.contains(text) else {
            throw value.error(unknownNameMessage("value for \(component) '\(key)':", text, known: choices))
        }
        return text
    }

    public func optionalString(_ key: String) throws -> String? {
        note(key, "none", "text")
        guard let value = values[key], !isDescribing else { return nil }
        return try value.string()
    }

    /// A list of numbers, e.g. Adam's `betas: [0.9, 0.999]`.
    public func doubles(_ key: String, default defaultValue: [Double]?, count: Int? = nil, _ check: Check = .any) throws -> [Double] {
        note(key, defaultValue.map { "[" + $0.map(formatNumber).joined(separator: ", ") + "]" } ?? "required", check.expectation)
        guard !isDescribing else { return defaultValue ?? Array(repeating: 0, count: count ?? 1) }
        guard let value = values[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key)
        }
        let items = try value.sequence()
        if let count, items.count != count {
            throw value.error("\(component) '\(key)' needs \(count) numbers, found \(items.count)")
        }
        return try items.map { try checked($0, try $0.double(), check, key: key) }
    }

    /// A list of names, e.g. CSV columns.
    public func strings(_ key: String, default defaultValue: [String]) throws -> [String] {
        note(key, "[" + defaultValue.joined(separator: ", ") + "]", "list of names")
        guard let value = values[key], !isDescribing else { return defaultValue }
        return try value.sequence().map { try $0.string() }
    }

    /// A matrix of numbers written as a list of rows, e.g. starting weights.
    public func optionalMatrix(_ key: String) throws -> [[Double]]? {
        note(key, "none", "list of rows")
        guard let value = values[key], !isDescribing else { return nil }
        let rows = try value.sequence().map { try $0.sequence().map { try $0.double() } }
        if let width = rows.first?.count, rows.contains(where: { $0.count != width }) {
            throw value.error("\(component) '\(key)' rows have different lengths")
        }
        return rows
    }

    /// Targets written inline: one number per sample, or a list per sample.
    public func inlineTargets(_ key: String) throws -> [[Double]] {
        note(key, "required", "a number or a list per sample")
        guard !isDescribing else { return [] }
        guard let value = values[key] else { throw missing(key) }
        return try value.sequence().map { item in
            if case .sequence = item.node { return try item.sequence().map { try $0.double() } }
            return [try item.double()]
        }
    }

    /// A nested component such as an initializer (`init: he_normal`), read from its registry.
    public func component<Product>(_ key: String, in registry: Registry<Product>, default defaultName: String?) throws -> Product? {
        note(key, defaultName ?? "none", "a \(registry.kind)")
        guard !isDescribing else { return nil }
        if let value = values[key] {
            return try registry.make(from: value)
        }
        guard let defaultName else { return nil }
        return try registry.make(named: defaultName)
    }

    /// Whether the file gave this key (for settings whose default depends on others).
    public func has(_ key: String) -> Bool { values[key] != nil }

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

    /// Fails on keys that no read asked for.
    func finish() throws {
        for (key, keyValue) in keyPositions.sorted(by: { $0.key < $1.key }) where !read.contains(key) {
            throw keyValue.error(unknownKeyMessage(key, in: "\(component) settings", known: read))
        }
    }

    // MARK: Helpers

    private func number(_ key: String, _ defaultValue: Double?, _ check: Check, placeholder: Double,
                        _ parse: (ConfigValue) throws -> Double) throws -> Double {
        note(key, defaultValue.map(formatNumber) ?? "required", check.expectation)
        guard !isDescribing else { return defaultValue ?? placeholder }
        guard let value = values[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key)
        }
        return try checked(value, try parse(value), check, key: key)
    }

    private func checked(_ value: ConfigValue, _ number: Double, _ check: Check, key: String) throws -> Double {
        guard check.allows(number) else {
            throw value.error("\(component) '\(key)' must be \(check.expectation), found \(value.text)")
        }
        return number
    }

    private func missing(_ key: String) -> Error {
        problem("\(component) needs '\(key)'")
    }

    private func note(_ key: String, _ defaultValue: String, _ constraint: String) {
        read.append(key)
        if isDescribing, !descriptions.contains(where: { $0.name == key }) {
            descriptions.append(Description(name: key, defaultValue: defaultValue, constraint: constraint))
        }
    }
}
