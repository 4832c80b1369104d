import Foundation
import BackpropCore

/// A value as an experiment file (or code) wrote it: a single value, a list or
/// a mapping, with the file, line and column it came from, so every error can
/// say where it is. Reading is strict: wrong types are errors, and a mapping
/// read with `mapping(allowed:what:)` rejects keys it does not know.
///
/// The experiment loader builds these from YAML; code writes them as literals,
/// e.g. `["lr": 0.01, "betas": [0.9, 0.999]]`, to make a component the way a
/// file would.
public struct ConfigValue: Sendable {
    public enum Content: Sendable {
        /// A single value as written; `plain` when it had no quotes (only a plain
        /// `null`, `~` or nothing means "no value").
        case scalar(String, plain: Bool)
        case sequence([ConfigValue])
        case mapping([(key: ConfigValue, value: ConfigValue)])
    }

    public var content: Content
    /// The file it was written in, for messages ("" for values written in code).
    public var file: String
    /// Dotted path from the document root, e.g. `train.optimizer`, for messages.
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(_ content: Content, file: String = "", path: String = "", line: Int? = nil, column: Int? = nil) {
        self.content = content
        self.file = file
        self.path = path
        self.line = line
        self.column = column
    }

    /// An error positioned at this value.
    public func error(_ message: String) -> ExperimentError {
        ExperimentError(file: file, line: line, column: column, message: message)
    }

    /// The same value with other content, at the same place.
    package func replacing(_ content: Content) -> ConfigValue {
        ConfigValue(content, file: file, path: path, line: line, column: column)
    }

    /// Where the value is, without its content: for errors found later.
    public var position: ConfigValue { replacing(.scalar("", plain: false)) }

    /// How the value reads to a person, for messages.
    public var text: String {
        switch content {
        case .scalar(let text, _): return text.isEmpty ? "nothing" : text
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    public var isNull: Bool {
        if case .scalar(let text, let plain) = content { return plain && ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    /// The entries of a mapping, in file order, with string keys.
    public func entries() throws -> [(key: String, keyValue: ConfigValue, value: ConfigValue)] {
        guard case .mapping(let pairs) = content else {
            throw error("\(path.isEmpty ? "the file" : "'\(path)'") must be a mapping of keys to values, found \(text)")
        }
        return try pairs.map { pair in
            guard case .scalar(let key, _) = pair.key.content else {
                throw pair.key.error("keys must be plain names")
            }
            return (key, pair.key, pair.value)
        }
    }

    /// A mapping whose keys must all be in `allowed`; unknown ones are errors with a did-you-mean.
    public func mapping(allowed: [String], what: String) throws -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, keyValue, value) in try entries() {
            guard allowed.contains(key) else {
                throw keyValue.error(unknownKeyMessage(key, in: what, known: allowed))
            }
            result[key] = value
        }
        return result
    }

    public func sequence() throws -> [ConfigValue] {
        guard case .sequence(let items) = content else {
            throw error("'\(path)' must be a list, found \(text)")
        }
        return items
    }

    public func string() throws -> String {
        guard case .scalar(let text, _) = content else {
            throw error("'\(path)' must be a single value, found \(text)")
        }
        return text
    }

    public func double() throws -> Double {
        let text = try string()
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")) else {
            throw error("'\(path)' must be a number, found '\(text)'")
        }
        guard value.isFinite else {
            throw error("'\(path)' must be a finite number, found '\(text)'")
        }
        return value
    }

    /// A whole number read as such (never through Double, which cannot hold every Int).
    public func int() throws -> Int {
        let text = try string()
        if let value = Int(text.replacingOccurrences(of: "_", with: "")) { return value }
        if let value = Double(text), value.isFinite, value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        if let value = Double(text), value.isFinite, value == value.rounded() {
            throw error("'\(path)' is too large, found '\(text)'")
        }
        throw error("'\(path)' must be a whole number, found '\(text)'")
    }

    /// A seed: a whole number >= 0. `what` names it in the message
    /// (`seeds must be >= 0, found -2`), for seeds listed rather than keyed
    /// (a section's `seed:` key is read through `Settings`, with the same range).
    package func seed(_ what: String) throws -> UInt64 {
        let number = try int()
        guard number >= 0 else { throw error("\(what) must be >= 0, found \(number)") }
        return UInt64(number)
    }

    public func bool() throws -> Bool {
        let text = try string()
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("'\(path)' must be true or false, found '\(text)'")
        }
    }

    /// A component written as a bare name (`relu`) or a one-key map (`dense: {units: 8}`).
    public func component(kind: String) throws -> (name: String, nameValue: ConfigValue, settings: ConfigValue?) {
        let shape = "\(article(kind)) \(kind) is written as a name or as a one-key map like `name: {setting: value}`"
        switch content {
        case .scalar:
            return (try string(), self, nil)
        case .mapping(let pairs):
            guard pairs.count == 1, let pair = pairs.first, case .scalar(let name, _) = pair.key.content else {
                throw error("\(shape), found \(pairs.count) keys")
            }
            return (name, pair.key, pair.value.isNull ? nil : pair.value)
        case .sequence:
            throw error("\(shape), found \(text)")
        }
    }
}

// Values written in code: `["lr": 0.01, "nesterov": true, "betas": [0.9, 0.999]]`.
extension ConfigValue: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
    ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(dictionaryLiteral elements: (String, ConfigValue)...) {
        self.init(entries: elements.map { ($0, $1) })
    }

    public init(arrayLiteral elements: ConfigValue...) {
        self.init(.sequence(elements.enumerated().map { $0.element.at(path: "\($0.offset)") }))
    }

    /// A mapping built in code from computed entries.
    public init(entries: [(key: String, value: ConfigValue)]) {
        self.init(.mapping(entries.map { key, value in
            (ConfigValue(.scalar(key, plain: true), path: key), value.at(path: key))
        }))
    }

    public init(stringLiteral value: String) { self.init(.scalar(value, plain: false)) }
    public init(floatLiteral value: Double) { self.init(.scalar("\(value)", plain: true)) }
    public init(integerLiteral value: Int) { self.init(.scalar("\(value)", plain: true)) }
    public init(booleanLiteral value: Bool) { self.init(.scalar("\(value)", plain: true)) }

    /// The value moved under `prefix` in the dotted path, with its children.
    private func at(path prefix: String) -> ConfigValue {
        let moved = { (child: ConfigValue) in child.at(path: prefix) }
        var copy = self
        copy.path = path.isEmpty ? prefix : "\(prefix).\(path)"
        switch content {
        case .scalar: break
        case .sequence(let items): copy.content = .sequence(items.map(moved))
        case .mapping(let pairs): copy.content = .mapping(pairs.map { ($0.key.at(path: prefix), moved($0.value)) })
        }
        return copy
    }
}

/// "a" or "an" before a word, for messages.
func article(_ word: String) -> String {
    guard let first = word.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
}
