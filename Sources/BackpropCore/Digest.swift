import BackpropPlatform

/// A 64-bit FNV-1a digest of numbers and text, as 16 hex digits: enough to
/// notice that data changed (a checkpoint's data against the data found
/// later) and to name a sweep's trials, not a cryptographic hash.
package struct Digest: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add<Scalar: BLASScalar>(_ matrix: Matrix<Scalar>) {
        add(UInt64(matrix.rows))
        add(UInt64(matrix.columns))
        for value in matrix.storage { add(Double(value).bitPattern) }
    }

    package mutating func add(_ value: UInt64) {
        var remaining = value
        for _ in 0..<8 {
            state = (state ^ (remaining & 0xff)) &* 0x100_0000_01b3
            remaining >>= 8
        }
    }

    /// The text's UTF-8 bytes, then its length (so "ab","c" and "a","bc" differ).
    package mutating func add(_ text: String) {
        for byte in text.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        add(UInt64(text.utf8.count))
    }

    package var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
