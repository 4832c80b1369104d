import Foundation
import BackpropCore

/// Samples from a CSV file: one column is the target, every other column a
/// numeric feature (or a categorical one, listed in `one_hot`).
///
/// The task follows from the target column unless `task` forces it:
/// - any value that is not a number: classification, classes sorted by name;
/// - whole numbers with at most 20 different values: classification, classes
///   in numeric order (named by their text);
/// - otherwise: regression on the values.
/// Class targets are the class index, 0..<classes.
///
/// An unnamed first column (a pandas index) is dropped with a warning, and
/// `ignore` drops others. A cell that is empty or says NA (also N/A, NaN,
/// null, None, ?) is an error, or with `missing: drop` its row is dropped.
/// `test_path` names a second file with the same columns, the test set, read
/// with the training file's classes and categories.
package struct CSVDataset: Dataset {
    package static let name = "csv"
    package static let summary = "a CSV file with a header; target names the label column, the rest are numeric features"
    /// Relative to the experiment file's folder.
    package let path: String
    /// The label column; needed to train, not to `predict`.
    package let target: String?
    package let hasHeader: Bool
    package let delimiter: Character
    /// "classification" or "regression" to override the rule above.
    package let task: String?
    /// Categorical feature columns, each expanded into one 0/1 column per
    /// category (`color=red`, `color=blue`, ...; categories in sorted order).
    package let oneHot: [String]
    /// Columns that are neither features nor the target.
    package let ignore: [String]
    /// Whether rows with missing cells are dropped (else they are an error).
    package let dropsMissing: Bool
    /// A second file with the same columns: the test set.
    package let testPath: String?
    /// Where the settings are written, for errors found when the files are read.
    let pathPosition: ConfigValue
    let testPathPosition: ConfigValue
    let ignorePosition: ConfigValue
    let position: ConfigValue

    /// The most distinct whole numbers a target may have to count as class labels.
    static let maximumNumericClasses = 20
    /// Cell texts that mean "no value", compared in lower case.
    static let missingMarkers: Set<String> = ["", "na", "n/a", "nan", "null", "none", "?"]

    package init(settings: Settings) throws {
        path = try settings.string("path", default: nil)
        target = try settings.optionalString("target")
        hasHeader = try settings.bool("header", default: true)
        let delimiter = try settings.string("delimiter", default: ",")
        guard delimiter.count == 1, let character = delimiter.first else {
            throw settings.problem("delimiter", "delimiter must be one character, found '\(delimiter)'")
        }
        self.delimiter = character
        task = try settings.optionalChoice("task", ["classification", "regression"])
        oneHot = try settings.strings("one_hot", default: [])
        let ignore = try settings.strings("ignore", default: [])
        if let repeated = ignore.first(where: { name in ignore.filter { $0 == name }.count > 1 }) {
            throw settings.problem("ignore", "ignore lists '\(repeated)' twice")
        }
        if let target, ignore.contains(target) {
            throw settings.problem("ignore", "ignore names '\(target)', the target column")
        }
        self.ignore = ignore
        ignorePosition = settings.position(of: "ignore")
        dropsMissing = try settings.string("missing", default: "error", oneOf: ["error", "drop"]) == "drop"
        testPath = try settings.optionalString("test_path")
        pathPosition = settings.position(of: "path")
        testPathPosition = settings.position(of: "test_path")
        position = settings.position(of: "target")
    }

    package var description: String {
        "csv(path: \(path), target: \(target ?? "none")\(testPath.map { ", test_path: \($0)" } ?? ""))"
    }

    package func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        var warnings: [String] = []
        let table = try CSVTable(path: path, position: pathPosition, context: context, delimiter: delimiter, hasHeader: hasHeader,
                                 ignore: (ignore, ignorePosition), warnings: &warnings)
        let targetIndex = try targetColumn(in: table, required: context.requiresTargets)
        let features = table.columns.indices.filter { $0 != targetIndex }
        guard !features.isEmpty else {
            throw DataError(file: path, message: "no feature columns: the only column is the target '\(target ?? "")'")
        }
        for name in oneHot where !features.contains(where: { table.columns[$0] == name }) {
            let hint = didYouMean(name, in: features.map { table.columns[$0] })
            throw DataError(file: path, message: "one_hot names '\(name)', which is not a feature column\(hint)")
        }
        let rows = try complete(table, columns: features + (targetIndex.map { [$0] } ?? []), warnings: &warnings)
        // Categories of each one-hot column, sorted so the layout is reproducible; for a
        // trained model, the ones it was trained on.
        var categories: [Int: [String]] = [:]
        for index in features where oneHot.contains(table.columns[index]) {
            let prefix = table.columns[index] + "="
            let known = context.knownFeatureNames?.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } ?? []
            categories[index] = known.isEmpty ? Set(rows.map { Self.cell($0.fields[index]) }).sorted() : known
        }
        let encoder = Encoder(table: table, features: features, categories: categories, target: targetIndex)
        var train = try encoder.inputs(of: rows, as: scalar)
        var classNames: [String]?
        var targets: TargetEncoder?
        if let targetIndex {
            if let known = context.knownTargets {
                let encoder = TargetEncoder(known, column: table.columns[targetIndex])
                (classNames, targets) = (encoder.classNames, encoder)
                train.targets = Matrix(column: try rows.map {
                    try Self.scalar(try encoder.value(Self.cell($0.fields[targetIndex]), file: path, line: $0.line),
                                    column: encoder.column, file: path, line: $0.line)
                })
            } else {
                let encoded = try encodeTargets(rows.map { (Self.cell($0.fields[targetIndex]), $0.line) })
                (classNames, targets) = (encoded.classNames, encoded.encoder)
                train.targets = Matrix(column: try zip(encoded.values, rows).map {
                    try Self.scalar($0, column: table.columns[targetIndex], file: path, line: $1.line)
                })
            }
        }
        var test: DataSplit<Scalar>?
        var testRows: [CSVRecord] = []
        if let testPath {
            let testTable = try CSVTable(path: testPath, position: testPathPosition, context: context, delimiter: delimiter,
                                         hasHeader: hasHeader, ignore: (ignore, ignorePosition), warnings: &warnings)
            guard testTable.columns == table.columns else {
                throw DataError(file: testPath, line: testTable.headerLine,
                                message: "the test file's columns (\(testTable.columns.joined(separator: ", "))) differ from \(path)'s (\(table.columns.joined(separator: ", ")))")
            }
            testRows = try complete(testTable, columns: features + (targetIndex.map { [$0] } ?? []), warnings: &warnings)
            var split = try encoder.with(file: testPath).inputs(of: testRows, as: scalar)
            if let targetIndex, let targets {
                split.targets = Matrix(column: try testRows.map {
                    try Self.scalar(try targets.value(Self.cell($0.fields[targetIndex]), file: testPath, line: $0.line),
                                    column: targets.column, file: testPath, line: $0.line)
                })
            }
            test = split
        }
        return LoadedDataset(train: train, test: test, featureNames: encoder.featureNames, classNames: classNames, warnings: warnings,
                             trainRowNumbers: rows.count < table.rows.count ? rows.map(\.row) : nil,
                             testRowNumbers: testRows.isEmpty ? nil : testRows.map(\.row))
    }

    /// The target's column: nil when the file has none and none is needed.
    private func targetColumn(in table: CSVTable, required: Bool) throws -> Int? {
        guard let target else {
            if required { throw position.error("csv needs 'target', the label column (only predict may leave it out)") }
            return nil
        }
        if let index = table.columns.firstIndex(of: target) { return index }
        guard required else { return nil }
        let hint = didYouMean(target, in: table.columns)
        throw DataError(file: path, line: table.headerLine,
                        message: "no column '\(target)'\(hint); columns: \(table.columns.joined(separator: ", "))")
    }

    /// The rows whose `columns` all have values; a missing one is an error,
    /// or with `missing: drop` drops its row (with a warning).
    private func complete(_ table: CSVTable, columns: [Int], warnings: inout [String]) throws -> [CSVRecord] {
        var kept: [CSVRecord] = []
        for row in table.rows {
            guard let column = columns.first(where: { Self.missingMarkers.contains(Self.cell(row.fields[$0]).lowercased()) }) else {
                kept.append(row)
                continue
            }
            guard dropsMissing else {
                let shown = Self.cell(row.fields[column]).isEmpty ? "empty" : "'\(Self.cell(row.fields[column]))'"
                throw DataError(file: table.file, line: row.line,
                                message: "column '\(table.columns[column])' is missing (\(shown)); add `missing: drop` to skip rows with missing values")
            }
        }
        if kept.count < table.rows.count {
            guard !kept.isEmpty else {
                throw DataError(file: table.file, message: "every row has a missing value; nothing is left to train on")
            }
            warnings.append("\(table.file): dropped \(table.rows.count - kept.count) of \(table.rows.count) rows with missing values")
        }
        return kept
    }

    /// A field without the spaces around it. Most fields have none: those
    /// are returned at once (Foundation's trimming would cost most of the
    /// time of reading a large file).
    static func cell(_ field: String) -> String {
        func plain(_ byte: UInt8?) -> Bool {
            guard let byte else { return true }
            return byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
        }
        if plain(field.utf8.first) && plain(field.utf8.last) { return field }
        return field.trimmingCharacters(in: .whitespaces)
    }

    /// A cell's number when it is a plain decimal (`-1.5`, `2e-3`, `.5`), nil
    /// otherwise. `Double(_:)` alone reads C's wider syntax: hex (`0x10` is 16),
    /// `inf` and `nan`, and stops at a NUL byte (`4\u{0}xyz` is 4).
    static func decimal(_ text: String) -> Double? {
        var digits = 0
        var sawPoint = false, sawExponent = false, exponentDigits = 0, previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawExponent { exponentDigits += 1 } else { digits += 1 }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "."):
                guard !sawExponent, !sawPoint else { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !sawExponent, digits > 0 else { return nil }
                sawExponent = true
            default:
                return nil
            }
            previous = byte
        }
        guard digits > 0, !sawExponent || exponentDigits > 0 else { return nil }
        return Double(text)
    }

    /// A number in the run's precision; one float32 cannot hold (above about
    /// 3.4e38) is an error, not an infinity that poisons training.
    static func scalar<Scalar: BLASScalar>(_ number: Double, column: String, file: String, line: Int) throws -> Scalar {
        let value = Scalar(number)
        guard value.isFinite else {
            throw DataError(file: file, line: line, message: "column '\(column)' is \(number), too large for \(Scalar.dtypeName); use dtype: float64")
        }
        return value
    }

    /// A value quoted in a message: one line, at most 40 characters.
    static func shortened(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return flat.count > 40 ? flat.prefix(40) + "…" : flat
    }

    /// Turns rows into input rows: numbers as they are, one-hot columns as
    /// 0/1 per category of the training file.
    private struct Encoder {
        let table: CSVTable
        let features: [Int]
        let categories: [Int: [String]]
        let target: Int?
        var file: String

        init(table: CSVTable, features: [Int], categories: [Int: [String]], target: Int?) {
            self.table = table
            self.features = features
            self.categories = categories
            self.target = target
            file = table.file
        }

        func with(file: String) -> Encoder {
            var copy = self
            copy.file = file
            return copy
        }

        var featureNames: [String] {
            features.flatMap { index in categories[index].map { $0.map { "\(table.columns[index])=\($0)" } } ?? [table.columns[index]] }
        }

        func inputs<Scalar: BLASScalar>(of rows: [CSVRecord], as scalar: Scalar.Type) throws -> DataSplit<Scalar> {
            let width = featureNames.count
            var values = [Scalar]()
            values.reserveCapacity(rows.count * width)
            for row in rows {
                for index in features {
                    let text = CSVDataset.cell(row.fields[index])
                    if let known = categories[index] {
                        guard known.contains(text) else {
                            throw DataError(file: file, line: row.line,
                                            message: "column '\(table.columns[index])' has '\(CSVDataset.shortened(text))', a category the training data does not have")
                        }
                        values.append(contentsOf: known.map { $0 == text ? Scalar(1) : Scalar(0) })
                    } else {
                        guard let number = CSVDataset.decimal(text), number.isFinite else {
                            throw DataError(file: file, line: row.line, message: "column '\(table.columns[index])' is '\(CSVDataset.shortened(text))', not a number (for a categorical column, list it in one_hot)")
                        }
                        values.append(try CSVDataset.scalar(number, column: table.columns[index], file: file, line: row.line))
                    }
                }
            }
            return DataSplit(inputs: Matrix(rows: rows.count, columns: width, storage: values),
                             targets: Matrix(rows: rows.count, columns: 0))
        }
    }

    /// Maps a target's text to its value: a class index or a number.
    struct TargetEncoder {
        let column: String
        /// Class names in index order, nil for regression.
        let classNames: [String]?
        /// Whether classes are numbers (so `1` and `1.0` are one class).
        let numericClasses: Bool

        init(column: String, classNames: [String]?, numericClasses: Bool) {
            self.column = column
            self.classNames = classNames
            self.numericClasses = numericClasses
        }

        /// Reads targets as a trained model knows them: its classes (numbers
        /// when every name is one), or values.
        init(_ known: DatasetContext.KnownTargets, column: String) {
            switch known {
            case .classes(let names):
                self.init(column: column, classNames: names, numericClasses: names.allSatisfy { CSVDataset.decimal($0)?.isFinite == true })
            case .values:
                self.init(column: column, classNames: nil, numericClasses: false)
            }
        }

        func value(_ text: String, file: String, line: Int) throws -> Double {
            guard let classNames else {
                guard let number = CSVDataset.decimal(text), number.isFinite else {
                    throw DataError(file: file, line: line, message: "column '\(column)' is '\(CSVDataset.shortened(text))', not a number")
                }
                return number
            }
            let index = numericClasses
                ? CSVDataset.decimal(text).flatMap { number in classNames.firstIndex { CSVDataset.decimal($0) == number } }
                : classNames.firstIndex(of: text)
            guard let index else {
                throw DataError(file: file, line: line, message: "column '\(column)' has '\(CSVDataset.shortened(text))', a class the training data does not have (classes: \(classNames.joined(separator: ", ")))")
            }
            return Double(index)
        }
    }

    /// The target values (class indices for classification), the class names
    /// (nil for regression) by the rule in the type's documentation, and the
    /// encoder that maps a test file's targets the same way.
    private func encodeTargets(_ texts: [(text: String, line: Int)]) throws
        -> (values: [Double], classNames: [String]?, encoder: TargetEncoder) {
        let numbers = texts.map { Self.decimal($0.text) }
        let allNumeric = numbers.allSatisfy { $0?.isFinite == true }
        let column = target ?? ""
        if task == "regression" || (task == nil && allNumeric && !looksLikeClassLabels(numbers.compactMap { $0 })) {
            let encoder = TargetEncoder(column: column, classNames: nil, numericClasses: false)
            return (try texts.map { try encoder.value($0.text, file: path, line: $0.line) }, nil, encoder)
        }
        // Classification: numeric labels in numeric order, otherwise by name.
        let labels = texts.map(\.text)
        let (values, classNames) = allNumeric ? Self.classes(keys: numbers.compactMap { $0 }, texts: labels) : Self.classes(keys: labels, texts: labels)
        return (values, classNames, TargetEncoder(column: column, classNames: classNames, numericClasses: allNumeric))
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
