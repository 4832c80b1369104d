import BackpropCore

/// Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzipped.
///
/// Layout: two zero bytes, a type byte (only 0x08, unsigned bytes, is
/// supported), a dimension count, one big-endian UInt32 per dimension, then
/// the product of the dimensions in bytes, and nothing after.
package enum IDXReader {
    /// The unsigned-byte data type code.
    static let unsignedByteType: UInt8 = 0x08

    /// The most data one IDX file may hold: 1 GiB of bytes (a float32 matrix
    /// of 4 GiB), twenty times the largest MNIST-style set. A header that
    /// promises more is refused before anything is inflated.
    package static let maximumDataBytes = 1 << 30

    package static func read(path: String) throws -> IDXArray {
        let reader = try DecompressingFileReader(path: path)
        let (dimensions, total) = try header(of: reader)
        // Never allocate more than the file can hold, so a lying header fails cleanly.
        var bytes = [UInt8](repeating: 0, count: min(total, reader.maximumRemainingBytes))
        let found = try bytes.withUnsafeMutableBytes { try reader.read(into: $0) }
        guard found == total else {
            throw DataError(file: path, message: "truncated: header promises \(total) bytes of data, found \(found)")
        }
        let extra = try reader.countRemainingBytes()
        guard extra == 0 else {
            throw DataError(file: path, message: "trailing garbage: \(extra) bytes after the \(total) bytes of data the header promises")
        }
        return IDXArray(dimensions: dimensions, bytes: bytes)
    }

    /// The dimensions the file's header declares, read without its data: files
    /// that must agree (images and labels) are compared before either is inflated.
    package static func dimensions(path: String) throws -> [Int] {
        try header(of: try DecompressingFileReader(path: path)).dimensions
    }

    /// The header's dimensions and the data size they promise, checked.
    private static func header(of reader: DecompressingFileReader) throws -> (dimensions: [Int], total: Int) {
        let path = reader.path
        let header = try readHeader(4, from: reader, after: 0)
        guard header[0] == 0, header[1] == 0 else {
            throw DataError(file: path, message: "not an IDX file: magic bytes \(hex(header[0]))\(hex(header[1], prefix: false)) (expected 0x0000 then type and dimension count)")
        }
        guard header[2] == unsignedByteType else {
            throw DataError(file: path, message: "unsupported IDX data type \(hex(header[2])) (only 0x08, unsigned bytes, is supported)")
        }
        let dimensionCount = Int(header[3])
        guard dimensionCount > 0 else {
            throw DataError(file: path, message: "the IDX header declares no dimensions")
        }
        let sizes = try readHeader(4 * dimensionCount, from: reader, after: header.count)
        let dimensions = stride(from: 0, to: sizes.count, by: 4).map { start in
            sizes[start..<(start + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        let shape = dimensions.map(String.init).joined(separator: " x ")
        if let zero = dimensions.firstIndex(of: 0) {
            throw DataError(file: path, message: "dimension \(zero + 1) of \(shape) is zero")
        }
        var total = 1
        for dimension in dimensions {
            let (product, overflow) = total.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= maximumDataBytes else {
                throw DataError(file: path, message: "the header declares \(shape) values, more than the \(maximumDataBytes) bytes an IDX file may hold here (a damaged or hostile header?)")
            }
            total = product
        }
        return (dimensions, total)
    }

    /// The next `count` header bytes, or a truncated-header error.
    private static func readHeader(_ count: Int, from reader: DecompressingFileReader, after offset: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { try reader.read(into: $0) }
        guard got == count else {
            throw DataError(file: reader.path, message: "truncated header: needs \(offset + count) bytes, the file has \(offset + got)")
        }
        return bytes
    }

    private static func hex(_ byte: UInt8, prefix: Bool = true) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return (prefix ? "0x" : "") + (digits.count < 2 ? "0" + digits : digits)
    }
}
