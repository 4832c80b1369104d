/// One row of a CSV file: its fields, and the physical line it starts on
/// (a quoted field may span lines), for error messages.
struct CSVRecord: Equatable {
    var fields: [String]
    var line: Int
    /// Its place among the file's data rows, from 0 (set by `CSVTable`).
    var row = 0
}
