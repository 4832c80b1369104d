/// Splits CSV text into records, following RFC 4180.
///
/// A field in double quotes may hold the delimiter, newlines and doubled
/// quotes (`""` stands for one `"`). Lines end with LF or CRLF; the last line
/// needs no newline; blank lines are skipped. A quote inside an unquoted field
/// is kept as an ordinary character, as most writers expect.
enum CSVReader {
    /// The records of `text`; `file` only names the source in errors.
    static func records(in text: String, delimiter: Character, file: String) throws -> [CSVRecord] {
        guard delimiter.unicodeScalars.count == 1, let separator = delimiter.unicodeScalars.first,
              separator != "\"", separator != "\n", separator != "\r" else {
            throw DataError(file: file, message: "the CSV delimiter must be one character other than a quote or newline, found '\(delimiter)'")
        }
        var parser = Parser(separator: separator)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        if pending == "\u{FEFF}" { pending = scalars.next() }  // a byte-order mark is not part of the first field
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r" && pending == "\n" { continue }  // CRLF: the LF ends the line
            try parser.consume(scalar, file: file)
        }
        return try parser.finish(file: file)
    }

    /// The state machine over Unicode scalars.
    private struct Parser {
        let separator: Unicode.Scalar
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        /// The line of the opening quote while inside a quoted field.
        var quoteLine: Int?
        var fieldWasQuoted = false
        var afterClosingQuote = false
        /// Set after the first `"` of a possible `""` inside quotes.
        var pendingQuote = false

        init(separator: Unicode.Scalar) {
            self.separator = separator
        }

        mutating func consume(_ scalar: Unicode.Scalar, file: String) throws {
            let isNewline = scalar == "\n" || scalar == "\r"
            if quoteLine != nil {
                if pendingQuote {
                    pendingQuote = false
                    if scalar == "\"" {
                        field.append("\"")
                        return
                    }
                    quoteLine = nil
                    afterClosingQuote = true
                    // The scalar after the closing quote is handled below.
                } else if scalar == "\"" {
                    pendingQuote = true
                    return
                } else {
                    field.append(scalar)
                    if isNewline { line += 1 }
                    return
                }
            }
            if scalar == separator {
                endField()
            } else if isNewline {
                endRecord()
                line += 1
                recordLine = line
            } else if afterClosingQuote {
                throw DataError(file: file, line: line, message: "unexpected '\(scalar)' after a closing quote (a quote inside a quoted field is written \"\")")
            } else if scalar == "\"" && field.isEmpty && !fieldWasQuoted {
                quoteLine = line
                fieldWasQuoted = true
            } else {
                field.append(scalar)
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
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
            afterClosingQuote = false
        }

        /// Ends the current record, dropping it when the line was blank.
        private mutating func endRecord() {
            let isBlank = fields.isEmpty && !fieldWasQuoted && field.allSatisfy { $0.properties.isWhitespace }
            endField()
            if !isBlank { records.append(CSVRecord(fields: fields, line: recordLine)) }
            fields = []
        }
    }
}
