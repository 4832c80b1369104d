import Foundation
import Foundation
import BackpropCore

/// A CSV file read into named columns and rows, as `CSVDataset` uses it:
/// header names (or `column1`, `column2`, ... without a header), every row
/// with one field per column, an unnamed first column dropped (it is usually
/// a pandas index, which on sorted data would give away the label), and the
/// columns in `ignore` dropped (an error at `ignore`'s place in the YAML when
/// one is not a column).
struct CSVTable {
    /// The path as the experiment wrote it, for messages.
    let file: String
    let columns: [String]
    /// Each row's fields, one per column of `columns`.
    let rows: [CSVRecord]
    /// The header's line (nil without a header), for messages about columns.
    let headerLine: Int?

    init(path: String, position: ConfigValue, context: DatasetContext, delimiter: Character, hasHeader: Bool,
         ignore: (names: [String], position: ConfigValue), warnings: inout [String]) throws {
        file = path
        let resolved = context.resolve(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            throw position.error("no such file: \(path) (looked for \(resolved))")
        }
        guard !isFolder.boolValue else { throw position.error("\(path) is a folder, not a CSV file (\(resolved))") }
        let contents = try InputFile.read(resolved, what: "CSV file", limit: CSVReader.maximumBytes)
        var records = try CSVReader.records(in: contents, delimiter: delimiter, file: path)[...]
        guard let first = records.first else {
            throw DataError(file: path, message: "empty file: expected a header row and data rows")
        }
        var names: [String]
        if hasHeader {
            names = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            records = records.dropFirst()
            headerLine = first.line
        } else {
            names = (1...first.fields.count).map { "column\($0)" }
            headerLine = nil
        }
        guard !records.isEmpty else {
            throw DataError(file: path, message: "no data rows: the file has only a header")
        }
        for record in records where record.fields.count != names.count {
            throw DataError(file: path, line: record.line, message: "expected \(names.count) fields, found \(record.fields.count)")
        }
        var kept = Array(names.indices)
        // pandas writes its index as an unnamed first column, and as `Unnamed: 0` once read and written again.
        if hasHeader, let first = names.first, first.isEmpty || first.hasPrefix("Unnamed: ") {
            kept.removeFirst()
            warnings.append("\(path): dropped the unnamed first column (a pandas index?); name it to use it as a feature")
        }
        var seen = Set<String>()
        for index in kept where !seen.insert(names[index]).inserted {
            throw DataError(file: path, line: headerLine, message: "column '\(names[index])' appears twice in the header")
        }
        for name in ignore.names {
            guard let index = kept.first(where: { names[$0] == name }) else {
                throw ignore.position.error("ignore names '\(name)', which is not a column of \(path)\(didYouMean(name, in: kept.map { names[$0] }))")
            }
            kept.removeAll { $0 == index }
        }
        columns = kept.map { names[$0] }
        rows = records.enumerated().map { row, record in CSVRecord(fields: record.fields.selecting(kept), line: record.line, row: row) }
    }
}
