import BackpropCore

/// The contents of an IDX file of unsigned bytes (the MNIST format): the
/// dimensions from its header and the data, row-major.
package struct IDXArray: Sendable, Equatable {
    package var dimensions: [Int]
    package var bytes: [UInt8]

    package init(dimensions: [Int], bytes: [UInt8]) {
        precondition(dimensions.reduce(1, *) == bytes.count,
                     "IDX dimensions \(dimensions) need \(dimensions.reduce(1, *)) bytes, got \(bytes.count)")
        self.dimensions = dimensions
        self.bytes = bytes
    }

    /// The first dimension: images or labels.
    package var rows: Int { dimensions.first ?? 0 }
    /// The product of the other dimensions (28 x 28 = 784 for MNIST images).
    package var columns: Int { dimensions.dropFirst().reduce(1, *) }

    /// The data as a rows x columns matrix of (byte − offset) · scale, e.g.
    /// scale 1/255 for pixels in [0, 1].
    package func matrix<Scalar: BLASScalar>(as scalar: Scalar.Type = Scalar.self, scale: Double = 1, offset: Double = 0) -> Matrix<Scalar> {
        matrix(as: scalar) { ($0 - offset) * scale }
    }

    /// The data as a rows x columns matrix of `value(byte)`.
    ///
    /// `value` is computed once in Double for each of the 256 possible bytes,
    /// and the matrix storage is written directly from the bytes, so a large
    /// file is never copied as Double.
    func matrix<Scalar: BLASScalar>(as scalar: Scalar.Type, value: (Double) -> Double) -> Matrix<Scalar> {
        let table = (0...255).map { Scalar(value(Double($0))) }
        let storage = [Scalar](unsafeUninitializedCapacity: bytes.count) { destination, initialized in
            table.withUnsafeBufferPointer { table in
                for (index, byte) in bytes.enumerated() {
                    destination.initializeElement(at: index, to: table[Int(byte)])
                }
            }
            initialized = bytes.count
        }
        return Matrix(rows: rows, columns: columns, storage: storage)
    }

    /// Mean and standard deviation (population) of all the bytes, from their
    /// histogram: mean = Σ c_b·b / n, variance = Σ c_b·(b − mean)² / n.
    package func statistics() -> (mean: Double, standardDeviation: Double) {
        var histogram = [Int](repeating: 0, count: 256)
        for byte in bytes { histogram[Int(byte)] += 1 }
        let n = Double(max(bytes.count, 1))
        let mean = histogram.enumerated().reduce(0.0) { $0 + Double($1.element) * Double($1.offset) } / n
        let variance = histogram.enumerated().reduce(0.0) {
            $0 + Double($1.element) * (Double($1.offset) - mean) * (Double($1.offset) - mean)
        } / n
        return (mean, variance.squareRoot())
    }
}
