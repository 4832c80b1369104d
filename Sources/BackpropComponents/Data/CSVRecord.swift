import BackpropCore

/// One row of a CSV file: its fields, and the physical line it starts on
/// (a quoted field may span lines), for error messages.
struct CSVRecord: Equatable {
    var fields: CSVFields
    var line: Int
    /// Its place among the file's data rows, from 0 (set by `CSVTable`).
    var row = 0

    init(fields: CSVFields, line: Int, row: Int = 0) {
        (self.fields, self.line, self.row) = (fields, line, row)
    }

    /// A record of its own (tests, small tables).
    init(fields: [String], line: Int, row: Int = 0) {
        let store = CSVFieldStore()
        for field in fields { store.append(field.utf8) }
        self.init(fields: CSVFields(store: store, first: 0, count: fields.count), line: line, row: row)
    }

    static func == (left: CSVRecord, right: CSVRecord) -> Bool {
        Array(left.fields) == Array(right.fields) && left.line == right.line && left.row == right.row
    }
}

/// A record's fields, made into strings only when read: a large file's
/// fields stay bytes in one shared `CSVFieldStore`, so reading it takes about
/// its size in memory, not a string object per cell.
struct CSVFields: RandomAccessCollection {
    let store: CSVFieldStore
    /// The store's index of the record's first field.
    let first: Int
    /// The fields this view shows, by their place in the record (nil: all of them, in order).
    let columns: [Int]?
    let count: Int

    init(store: CSVFieldStore, first: Int, count: Int, columns: [Int]? = nil) {
        (self.store, self.first, self.count, self.columns) = (store, first, columns?.count ?? count, columns)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> String {
        store.field(first + (columns?[position] ?? position))
    }

    /// The fields at `columns` (places in this view), in that order; the
    /// array is shared by every row that selects it.
    func selecting(_ columns: [Int]) -> CSVFields {
        CSVFields(store: store, first: first, count: count, columns: self.columns.map { mine in columns.map { mine[$0] } } ?? columns)
    }
}

/// Every field of a CSV file, unquoted, one after another in one buffer.
final class CSVFieldStore {
    private(set) var bytes: [UInt8] = []
    /// Where each field ends in `bytes`.
    private(set) var ends: [UInt32] = []

    var fieldCount: Int { ends.count }

    func append(_ byte: UInt8) { bytes.append(byte) }

    func append<Bytes: Sequence>(_ field: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: field)
        endField()
    }

    /// Ends the field being appended.
    func endField() { ends.append(UInt32(bytes.count)) }

    /// Removes the last field (a blank line's).
    func dropLastField() {
        ends.removeLast()
        bytes.removeSubrange(Int(ends.last ?? 0)...)
    }

    /// The bytes appended since the last field ended.
    var pendingField: ArraySlice<UInt8> { bytes[Int(ends.last ?? 0)...] }

    func field(_ index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }
}
