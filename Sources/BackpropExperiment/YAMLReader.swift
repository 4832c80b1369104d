import Foundation
import Yams
import BackpropTraining

/// Reads YAML text into `ConfigValue`s, with the line and column of every
/// value: the only place that knows about Yams.
enum YAMLReader {
    /// At most this many values once aliases are expanded. An alias repeats a
    /// whole node, so a few lines can stand for billions of values ("billion
    /// laughs"); no experiment file needs more than this.
    static let maximumValues = 1_000_000

    /// The document in `text`, or nil when it is empty.
    static func read(_ text: String, file: String) throws -> ConfigValue? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw positioned(error, file: file)
        }
        guard let node else { return nil }
        var budget = maximumValues
        return try convert(node, file: file, path: "", budget: &budget)
    }

    private static func convert(_ node: Node, file: String, path: String, budget: inout Int) throws -> ConfigValue {
        budget -= 1
        guard budget >= 0 else {
            throw ExperimentError(file: file, message: "the document holds more than \(maximumValues) values once its aliases are expanded")
        }
        let content: ConfigValue.Content
        switch node {
        case .scalar(let scalar):
            content = .scalar(scalar.string, plain: scalar.style == .plain)
        case .sequence(let sequence):
            content = .sequence(try sequence.enumerated().map { index, item in
                try convert(item, file: file, path: join(path, "\(index)"), budget: &budget)
            })
        case .mapping(let mapping):
            content = .mapping(try mapping.map { pair in
                (key: try convert(pair.key, file: file, path: path, budget: &budget),
                 value: try convert(pair.value, file: file, path: join(path, pair.key.scalar?.string ?? ""), budget: &budget))
            })
        case .alias:
            content = .scalar("an alias", plain: false)
        }
        return ConfigValue(content, file: file, path: path, line: node.mark?.line, column: node.mark?.column)
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// A Yams error as one positioned line.
    static func positioned(_ error: YamlError, file: String) -> ExperimentError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return ExperimentError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(detail)\(problem)")
        case .reader(let problem, let offset, let value, let yaml):
            // The reader counts bytes; count lines and columns up to the offset.
            let before = offset.map { Array(yaml.utf8.prefix($0)) } ?? []
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            let byte = value >= 0 ? String(format: " (byte 0x%02X)", value) : ""
            return ExperimentError(file: file, line: offset == nil ? nil : line, column: offset == nil ? nil : column,
                                   message: "YAML: \(problem)\(byte)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ExperimentError(file: file, line: context.mark.line, column: context.mark.column,
                                   message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")): each key may appear once in a mapping")
        default:
            let text = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "unreadable"
            return ExperimentError(file: file, message: "YAML: \(text)")
        }
    }
}
