import Foundation
import Yams

/// A node of an experiment file with its position, so every error can say
/// where it is. Reading is strict: wrong types and unknown keys are errors.
struct ConfigValue {
    let node: Node
    let file: String
    /// Dotted path from the document root, e.g. `train.optimizer`, for messages.
    let path: String

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    func error(_ message: String) -> ExperimentError {
        ExperimentError(file: file, line: line, column: column, message: message)
    }

    func child(_ node: Node, key: String) -> ConfigValue {
        ConfigValue(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// How the value reads to a person, for messages.
    var text: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : scalar.string
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    var isNull: Bool {
        if case .scalar(let scalar) = node { return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) }
        return false
    }

    /// The entries of a mapping, in file order, with string keys.
    func entries() throws -> [(key: String, keyValue: ConfigValue, value: ConfigValue)] {
        guard case .mapping(let mapping) = node else {
            throw error("\(path.isEmpty ? "the file" : "'\(path)'") must be a mapping of keys to values, found \(text)")
        }
        return try mapping.map { pair in
            guard case .scalar(let key) = pair.key else {
                throw ConfigValue(node: pair.key, file: file, path: path).error("keys must be plain names")
            }
            let keyValue = ConfigValue(node: pair.key, file: file, path: path)
            return (key.string, keyValue, child(pair.value, key: key.string))
        }
    }

    /// A mapping whose keys must all be in `allowed`; unknown ones are errors with a did-you-mean.
    func mapping(allowed: [String], what: String) throws -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, keyValue, value) in try entries() {
            guard allowed.contains(key) else {
                throw keyValue.error(unknownKeyMessage(key, in: what, known: allowed))
            }
            result[key] = value
        }
        return result
    }

    func sequence() throws -> [ConfigValue] {
        guard case .sequence(let sequence) = node else {
            throw error("'\(path)' must be a list, found \(text)")
        }
        return sequence.enumerated().map { index, node in child(node, key: "\(index)") }
    }

    func scalarString() throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error("'\(path)' must be a single value, found \(text)")
        }
        return scalar.string
    }

    func string() throws -> String {
        try scalarString()
    }

    func double() throws -> Double {
        let text = try scalarString()
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            throw error("'\(path)' must be a number, found '\(text)'")
        }
        return value
    }

    func int() throws -> Int {
        let text = try scalarString()
        if let value = Int(text.replacingOccurrences(of: "_", with: "")) { return value }
        if let value = Double(text), value.isFinite, value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        if let value = Double(text), value.isFinite, value == value.rounded() {
            throw error("'\(path)' is too large, found '\(text)'")
        }
        throw error("'\(path)' must be a whole number, found '\(text)'")
    }

    func bool() throws -> Bool {
        let text = try scalarString()
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("'\(path)' must be true or false, found '\(text)'")
        }
    }

    /// A component written as a bare name (`relu`) or a one-key map (`dense: {units: 8}`).
    func component(kind: String) throws -> (name: String, nameValue: ConfigValue, settings: ConfigValue?) {
        switch node {
        case .scalar:
            return (try string(), self, nil)
        case .mapping(let mapping):
            guard mapping.count == 1, let pair = mapping.first, case .scalar(let key) = pair.key else {
                throw error("\(article(kind)) \(kind) is written as a name or as a one-key map like `name: {setting: value}`, found \(mapping.count) keys")
            }
            let value = child(pair.value, key: key.string)
            return (key.string, ConfigValue(node: pair.key, file: file, path: path), value.isNull ? nil : value)
        default:
            throw error("\(article(kind)) \(kind) is written as a name or as a one-key map like `name: {setting: value}`, found \(text)")
        }
    }
}

/// "a" or "an" before a word, for messages.
func article(_ word: String) -> String {
    guard let first = word.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
}
