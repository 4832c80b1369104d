import CZlib
import Foundation
import BackpropCore

/// Reads a file's bytes in order, inflating them on the way when the file is
/// gzip (recognised by its first bytes 0x1f 0x8b, not by its name).
///
/// Streams through zlib's `inflate` straight into the caller's buffer, so a
/// compressed file is never held whole: at most one chunk of input is in
/// memory besides the destination. Concatenated gzip members are read as one
/// stream, as gunzip does.
final class DecompressingFileReader {
    /// How much of the file is read at a time.
    static let chunkSize = 1 << 16
    /// Deflate's best case is about 1032:1, which bounds what a compressed
    /// file can expand to (used to refuse absurd sizes before allocating).
    static let maximumCompressionRatio = 1032

    let path: String
    private(set) var isCompressed = false
    private let fileSize: Int
    private let file: UnsafeMutablePointer<FILE>
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    /// Plain files: the unread part of `chunk` is `chunkStart..<chunkEnd`.
    private var chunkStart = 0
    private var chunkEnd = 0
    private var consumedFromFile = 0
    /// Gzip files: zlib's state, on the heap because zlib keeps a pointer back to it.
    private let stream: UnsafeMutablePointer<z_stream>
    private var streamInitialized = false
    private var memberEnded = false

    init(path: String) throws {
        let size = try InputFile.check(path, what: "file")
        guard let file = fopen(path, "rb") else {
            throw DataError(file: path, message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        self.path = path
        self.file = file
        self.fileSize = size
        chunk = .allocate(capacity: Self.chunkSize)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        chunkEnd = try fillChunk()
        isCompressed = chunkEnd >= 2 && chunk[0] == 0x1f && chunk[1] == 0x8b
        if isCompressed {
            stream.pointee.next_in = chunk.baseAddress
            stream.pointee.avail_in = UInt32(chunkEnd)
            let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw zlibError(status, "cannot start gzip decompression") }
            streamInitialized = true
        }
    }

    deinit {
        if streamInitialized { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        chunk.deallocate()
        fclose(file)
    }

    /// An upper bound on the bytes still to come.
    var maximumRemainingBytes: Int {
        let onDisk = fileSize - consumedFromFile + (isCompressed ? Int(stream.pointee.avail_in) : chunkEnd - chunkStart)
        let (bound, overflow) = onDisk.multipliedReportingOverflow(by: isCompressed ? Self.maximumCompressionRatio : 1)
        return overflow ? Int.max : bound
    }

    /// Fills `buffer` from the stream; returns how many bytes it got, fewer than
    /// `buffer.count` only at the end of the data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return isCompressed ? try inflate(into: base, count: buffer.count) : try copy(into: base, count: buffer.count)
    }

    /// Reads to the end, returning how many bytes were left.
    func countRemainingBytes() throws -> Int {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        defer { scratch.deallocate() }
        var total = 0
        while true {
            let got = try read(into: scratch)
            total += got
            if got < scratch.count { return total }
        }
    }

    private func copy(into base: UnsafeMutableRawPointer, count: Int) throws -> Int {
        let buffered = min(count, chunkEnd - chunkStart)
        if buffered > 0, let source = chunk.baseAddress {
            base.copyMemory(from: source + chunkStart, byteCount: buffered)
            chunkStart += buffered
        }
        var produced = buffered
        while produced < count {
            let got = fread(base + produced, 1, count - produced, file)
            consumedFromFile += got
            produced += got
            if got == 0 { try checkReadError(); break }
        }
        return produced
    }

    private func inflate(into base: UnsafeMutableRawPointer, count: Int) throws -> Int {
        var produced = 0
        while produced < count {
            if stream.pointee.avail_in == 0 {
                stream.pointee.next_in = chunk.baseAddress
                stream.pointee.avail_in = UInt32(try fillChunk())
            }
            if memberEnded {
                // Another gzip member may follow; anything else is not gzip data.
                guard stream.pointee.avail_in > 0 else { break }
                guard stream.pointee.next_in[0] == 0x1f else {
                    throw DataError(file: path, message: "trailing garbage after the gzip data")
                }
                inflateReset(stream)
                memberEnded = false
            }
            let room = min(count - produced, Int(UInt32.max))
            stream.pointee.next_out = (base + produced).assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = UInt32(room)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            produced += room - Int(stream.pointee.avail_out)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                memberEnded = true
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                throw DataError(file: path, message: "truncated gzip data: the file ends inside the compressed stream")
            default:
                throw zlibError(status, "corrupt gzip data")
            }
        }
        return produced
    }

    /// Reads the next chunk of the file into `chunk`, returning its length.
    private func fillChunk() throws -> Int {
        guard let base = chunk.baseAddress else { return 0 }
        let got = fread(base, 1, Self.chunkSize, file)
        consumedFromFile += got
        if got < Self.chunkSize { try checkReadError() }
        return got
    }

    private func checkReadError() throws {
        if ferror(file) != 0 {
            throw DataError(file: path, message: "read error: \(String(cString: strerror(errno)))")
        }
    }

    private func zlibError(_ status: Int32, _ what: String) -> DataError {
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        return DataError(file: path, message: "\(what): \(detail)")
    }
}
