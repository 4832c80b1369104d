import Foundation
import BackpropCore

/// Splits CSV text into records, following RFC 4180.
///
/// A field in double quotes may hold the delimiter, newlines and doubled
/// quotes (`""` stands for one `"`). Lines end with LF or CRLF; the last line
/// needs no newline; blank lines are skipped. A quote inside an unquoted field
/// is kept as an ordinary character, as most writers expect.
///
/// It reads UTF-8 bytes into one `CSVFieldStore`: the records take about the
/// file's size in memory, whatever its number of cells.
enum CSVReader {
    /// Files up to this size are read (field offsets are 32-bit).
    static let maximumBytes = Int(UInt32.max)

    /// The records of `text`; `file` only names the source in errors.
    static func records(in text: String, delimiter: Character, file: String) throws -> [CSVRecord] {
        try records(in: Data(text.utf8), delimiter: delimiter, file: file)
    }

    static func records(in data: Data, delimiter: Character, file: String) throws -> [CSVRecord] {
        guard let separator = delimiter.asciiValue, separator != UInt8(ascii: "\""), separator != UInt8(ascii: "\n"),
              separator != UInt8(ascii: "\r") else {
            throw DataError(file: file, message: "the CSV delimiter must be one ASCII character other than a quote or newline, found '\(String(delimiter).unicodeScalars.map { $0.escaped(asASCII: true) }.joined())'")
        }
        guard data.count <= maximumBytes else {
            throw DataError(file: file, message: "is \(data.count >> 20) MiB; backprop reads CSV files of at most \(maximumBytes >> 20) MiB")
        }
        return try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [CSVRecord] in
            let bytes = buffer.bindMemory(to: UInt8.self)
            try checkUTF8(bytes, file: file)
            var parser = Parser(separator: separator)
            // A byte-order mark is not part of the first field.
            var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\r") && index < bytes.count && bytes[index] == UInt8(ascii: "\n") { continue }  // CRLF: the LF ends the line
                try parser.consume(byte, file: file)
            }
            return try parser.finish(file: file)
        }
    }

    /// Refuses bytes that are not UTF-8, naming the line of the first bad one.
    private static func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.first == UInt8(ascii: "\n") { line += 1 }
            case .emptyInput:
                return
            case .error:
                throw DataError(file: file, line: line, message: "not UTF-8 text")
            }
        }
    }

    /// The state machine over bytes (every byte that matters is ASCII, so a
    /// multi-byte character passes through whole).
    private struct Parser {
        let separator: UInt8
        let store = CSVFieldStore()
        var records: [CSVRecord] = []
        /// The store's index of the current record's first field.
        var recordFirst = 0
        var line = 1
        var recordLine = 1
        /// The line of the opening quote while inside a quoted field.
        var quoteLine: Int?
        var fieldWasQuoted = false
        var afterClosingQuote = false
        /// Set after the first `"` of a possible `""` inside quotes.
        var pendingQuote = false

        static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

        init(separator: UInt8) {
            self.separator = separator
        }

        mutating func consume(_ byte: UInt8, file: String) throws {
            let isNewline = byte == Self.newline || byte == Self.carriageReturn
            if quoteLine != nil {
                if pendingQuote {
                    pendingQuote = false
                    if byte == Self.quote {
                        store.append(Self.quote)
                        return
                    }
                    quoteLine = nil
                    afterClosingQuote = true
                    // The byte after the closing quote is handled below.
                } else if byte == Self.quote {
                    pendingQuote = true
                    return
                } else {
                    store.append(byte)
                    if isNewline { line += 1 }
                    return
                }
            }
            if byte == separator {
                endField()
            } else if isNewline {
                endRecord()
                line += 1
                recordLine = line
            } else if afterClosingQuote {
                throw DataError(file: file, line: line, message: "unexpected '\(Unicode.Scalar(byte).escaped(asASCII: true))' after a closing quote (a quote inside a quoted field is written \"\")")
            } else if byte == Self.quote && store.pendingField.isEmpty && !fieldWasQuoted {
                quoteLine = line
                fieldWasQuoted = true
            } else {
                store.append(byte)
            }
        }

        mutating func finish(file: String) throws -> [CSVRecord] {
            if let quoteLine, !pendingQuote {
                throw DataError(file: file, line: quoteLine, message: "unterminated quoted field (the quote opened on this line is never closed)")
            }
            quoteLine = nil
            endRecord()
            return records
        }

        private mutating func endField() {
            store.endField()
            fieldWasQuoted = false
            afterClosingQuote = false
        }

        /// Ends the current record, dropping it when the line was blank.
        private mutating func endRecord() {
            let isBlank = store.fieldCount == recordFirst && !fieldWasQuoted
                && store.pendingField.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            endField()
            if isBlank {
                store.dropLastField()
            } else {
                records.append(CSVRecord(fields: CSVFields(store: store, first: recordFirst, count: store.fieldCount - recordFirst), line: recordLine))
            }
            recordFirst = store.fieldCount
        }
    }
}
