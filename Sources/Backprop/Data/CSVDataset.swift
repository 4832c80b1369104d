import Foundation

/// Samples from a CSV file: one column is the target, every other column a
/// numeric feature.
///
/// The task follows from the target column unless `task` forces it:
/// - any value that is not a number: classification, classes sorted by name;
/// - whole numbers with at most 20 different values: classification, classes
///   in numeric order (named by their text);
/// - otherwise: regression on the values.
/// Class targets are the class index, 0..<classes.
public struct CSVDataset: Dataset {
    public static let name = "csv"
    public static let summary = "a CSV file with a header; target names the label column, the rest are numeric features"
    /// Relative to the experiment file's folder.
    public let path: String
    public let target: String
    public let hasHeader: Bool
    public let delimiter: Character
    /// "classification" or "regression" to override the rule above.
    public let task: String?
    /// Categorical feature columns, each expanded into one 0/1 column per
    /// category (`color=red`, `color=blue`, ...; categories in sorted order).
    public let oneHot: [String]

    /// The most distinct whole numbers a target may have to count as class labels.
    static let maximumNumericClasses = 20

    public init(settings: Settings) throws {
        let delimiter = try settings.string("delimiter", default: ",")
        guard delimiter.count == 1, let character = delimiter.first else {
            throw settings.problem("delimiter", "delimiter must be one character, found '\(delimiter)'")
        }
        self.delimiter = character
        path = try settings.string("path", default: nil)
        target = try settings.string("target", default: nil)
        hasHeader = try settings.bool("header", default: true)
        task = try settings.optionalChoice("task", ["classification", "regression"])
        oneHot = try settings.strings("one_hot", default: [])
    }

    public var description: String { "csv(path: \(path), target: \(target))" }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        let resolved = context.resolve(path)
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw DataError(file: path, message: "no such file")
        }
        guard let contents = FileManager.default.contents(atPath: resolved) else {
            throw DataError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: contents, encoding: .utf8) else {
            throw DataError(file: path, message: "not UTF-8 text")
        }
        var records = try CSVReader.records(in: text, delimiter: delimiter, file: path)[...]
        guard let first = records.first else {
            throw DataError(file: path, message: "empty file: expected a header row and data rows")
        }
        let columns: [String]
        if hasHeader {
            columns = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            records = records.dropFirst()
            try checkUniqueNames(columns, line: first.line)
        } else {
            columns = (1...first.fields.count).map { "column\($0)" }
        }
        guard !records.isEmpty else {
            throw DataError(file: path, message: "no data rows: the file has only a header")
        }
        guard let targetIndex = columns.firstIndex(of: target) else {
            let hint = closestName(to: target, in: columns).map { " (did you mean '\($0)'?)" } ?? ""
            throw DataError(file: path, line: hasHeader ? first.line : nil,
                            message: "no column '\(target)'\(hint); columns: \(columns.joined(separator: ", "))")
        }
        guard columns.count > 1 else {
            throw DataError(file: path, message: "no feature columns: the only column is the target '\(target)'")
        }
        let featureIndices = columns.indices.filter { $0 != targetIndex }
        for name in oneHot where !columns.contains(name) || name == target {
            let hint = closestName(to: name, in: columns).map { " (did you mean '\($0)'?)" } ?? ""
            throw DataError(file: path, message: "one_hot names '\(name)', which is not a feature column\(hint)")
        }
        // Categories of each one-hot column, sorted so the layout is reproducible.
        var categories: [Int: [String]] = [:]
        for index in featureIndices where oneHot.contains(columns[index]) {
            categories[index] = Set(records.map { $0.fields.indices.contains(index) ? $0.fields[index].trimmingCharacters(in: .whitespaces) : "" }).sorted()
        }
        let width = featureIndices.reduce(0) { $0 + (categories[$1]?.count ?? 1) }

        var inputs = [Scalar]()
        inputs.reserveCapacity(records.count * width)
        var targetTexts = [(text: String, line: Int)]()
        targetTexts.reserveCapacity(records.count)
        for record in records {
            guard record.fields.count == columns.count else {
                throw DataError(file: path, line: record.line, message: "expected \(columns.count) fields, found \(record.fields.count)")
            }
            for index in featureIndices {
                if let values = categories[index] {
                    let value = record.fields[index].trimmingCharacters(in: .whitespaces)
                    inputs.append(contentsOf: values.map { $0 == value ? Scalar(1) : Scalar(0) })
                } else {
                    inputs.append(Scalar(try number(record.fields[index], column: columns[index], line: record.line)))
                }
            }
            let value = record.fields[targetIndex].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else {
                throw DataError(file: path, line: record.line, message: "target column '\(target)' is empty")
            }
            targetTexts.append((value, record.line))
        }
        let (targets, classNames) = try encodeTargets(targetTexts)
        return LoadedDataset(
            train: DataSplit(inputs: Matrix(rows: records.count, columns: width, storage: inputs),
                             targets: Matrix(column: targets.map { Scalar($0) })),
            featureNames: featureIndices.flatMap { index in categories[index].map { $0.map { "\(columns[index])=\($0)" } } ?? [columns[index]] },
            classNames: classNames)
    }

    /// A finite number, or an error naming the column, its value and the line.
    private func number(_ field: String, column: String, line: Int) throws -> Double {
        let text = field.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else {
            throw DataError(file: path, line: line, message: "column '\(column)' is '\(Self.shortened(field))', not a number (for a categorical column, list it in one_hot)")
        }
        return value
    }

    /// A value quoted in a message: one line, at most 40 characters.
    static func shortened(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return flat.count > 40 ? flat.prefix(40) + "…" : flat
    }

    private func checkUniqueNames(_ columns: [String], line: Int) throws {
        var seen = Set<String>()
        for name in columns where !seen.insert(name).inserted {
            throw DataError(file: path, line: line, message: "column '\(name)' appears twice in the header")
        }
    }

    /// The target values (class indices for classification) and the class names
    /// (nil for regression), by the rule in the type's documentation.
    private func encodeTargets(_ texts: [(text: String, line: Int)]) throws -> (values: [Double], classNames: [String]?) {
        let numbers = texts.map { Double($0.text) }
        let allNumeric = numbers.allSatisfy { $0?.isFinite == true }
        if task == "regression" || (task == nil && allNumeric && !looksLikeClassLabels(numbers.compactMap { $0 })) {
            return (try zip(texts, numbers).map { entry, value in
                guard let value, value.isFinite else {
                    throw DataError(file: path, line: entry.line, message: "column '\(target)' is '\(entry.text)', not a number")
                }
                return value
            }, nil)
        }
        // Classification: numeric labels in numeric order, otherwise by name.
        let labels = texts.map(\.text)
        return allNumeric ? Self.classes(keys: numbers.compactMap { $0 }, texts: labels) : Self.classes(keys: labels, texts: labels)
    }

    /// Class indices for labels identified by `keys` (a number, so `1` and
    /// `1.0` are one class, or the text), classes in key order and named by the
    /// text of their first occurrence.
    private static func classes<Key: Hashable & Comparable>(keys: [Key], texts: [String]) -> (values: [Double], classNames: [String]?) {
        var nameOfKey = [Key: String]()
        for (key, text) in zip(keys, texts) where nameOfKey[key] == nil {
            nameOfKey[key] = text
        }
        let ordered = nameOfKey.keys.sorted()
        let indexOfKey = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, Double($0)) })
        return (keys.map { indexOfKey[$0] ?? 0 }, ordered.map { nameOfKey[$0] ?? "" })
    }

    /// Whole numbers with few distinct values.
    private func looksLikeClassLabels(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 == $0.rounded() } && Set(values).count <= Self.maximumNumericClasses
    }
}
