import BackpropPlatform

extension Matrix {
    /// Adds `vector` (one value per column) to every row.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public mutating func addToEachRow(_ vector: [Scalar]) {
        requireShape(vector.count == columns, "row vector of \(vector.count) added to \(shapeDescription)")
        let columns = self.columns
        storage.withUnsafeMutableBufferPointer { values in
            vector.withUnsafeBufferPointer { add in
                var index = 0
                for _ in 0..<rows {
                    for column in 0..<columns {
                        values[index] += add[column]
                        index += 1
                    }
                }
            }
        }
    }

    /// Sums each column into `result` (which must have `columns` entries).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func columnSums(into result: inout [Scalar]) {
        requireShape(result.count == columns, "column sums of \(shapeDescription) into \(result.count) values")
        let columns = self.columns
        storage.withUnsafeBufferPointer { values in
            result.withUnsafeMutableBufferPointer { sums in
                for column in 0..<columns { sums[column] = 0 }
                var index = 0
                for _ in 0..<rows {
                    for column in 0..<columns {
                        sums[column] += values[index]
                        index += 1
                    }
                }
            }
        }
    }

    /// Sets `self` to `transform(source)` element by element, reshaping to match.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public mutating func assign(_ source: Matrix, _ transform: (Scalar) -> Scalar) {
        reshape(rows: source.rows, columns: source.columns)
        storage.withUnsafeMutableBufferPointer { target in
            source.storage.withUnsafeBufferPointer { values in
                for index in values.indices { target[index] = transform(values[index]) }
            }
        }
    }

    /// Sets `self` to `combine(first, second)` element by element, reshaping to match.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public mutating func assign(_ first: Matrix, _ second: Matrix, _ combine: (Scalar, Scalar) -> Scalar) {
        first.requireSameShape(as: second, "element-wise combination")
        reshape(rows: first.rows, columns: first.columns)
        storage.withUnsafeMutableBufferPointer { target in
            first.storage.withUnsafeBufferPointer { a in
                second.storage.withUnsafeBufferPointer { b in
                    for index in a.indices { target[index] = combine(a[index], b[index]) }
                }
            }
        }
    }

    /// Copies the given rows of `source`, in order, into `self`.
    @_specialize(where Scalar == Float, Indices == ArraySlice<Int>)
    @_specialize(where Scalar == Double, Indices == ArraySlice<Int>)
    @_specialize(where Scalar == Float, Indices == Range<Int>)
    @_specialize(where Scalar == Double, Indices == Range<Int>)
    @_specialize(exported: true, where Scalar == Float, Indices == ArraySlice<Int>)
    @_specialize(exported: true, where Scalar == Double, Indices == ArraySlice<Int>)
    @_specialize(exported: true, where Scalar == Float, Indices == Range<Int>)
    @_specialize(exported: true, where Scalar == Double, Indices == Range<Int>)
    public mutating func gatherRows<Indices: Collection<Int>>(of source: Matrix, at indices: Indices) {
        reshape(rows: indices.count, columns: source.columns)
        let columns = source.columns
        storage.withUnsafeMutableBufferPointer { target in
            source.storage.withUnsafeBufferPointer { values in
                // Both are empty only when there is nothing to copy.
                guard let to = target.baseAddress, let from = values.baseAddress else { return }
                var offset = 0
                for row in indices {
                    precondition(row >= 0 && row < source.rows, "gatherRows: row \(row) of \(source.rows)")
                    (to + offset).update(from: from + row * columns, count: columns)
                    offset += columns
                }
            }
        }
    }


    /// Removes the rows at `sortedIndices` (ascending) by moving later rows up,
    /// in place, then shrinking; the storage is not copied when uniquely held.
    public mutating func removeRows(sortedIndices: [Int]) {
        guard !sortedIndices.isEmpty else { return }
        let columns = self.columns
        var removed = 0
        var next = 0
        storage.withUnsafeMutableBufferPointer { values in
            for row in 0..<rows {
                if next < sortedIndices.count && sortedIndices[next] == row {
                    next += 1
                    removed += 1
                    continue
                }
                if removed > 0 {
                    let from = row * columns, to = (row - removed) * columns
                    for column in 0..<columns { values[to + column] = values[from + column] }
                }
            }
        }
        reshape(rows: rows - removed, columns: columns)
    }

    /// The largest absolute value, or 0 for an empty matrix.
    @inlinable
    public var maxAbsolute: Scalar {
        storage.withUnsafeBufferPointer { values in
            var largest: Scalar = 0
            for value in values { largest = Swift.max(largest, Swift.abs(value)) }
            return largest
        }
    }

    /// The sum of squared entries, added in order. Inlinable, so the trainer's
    /// per-step gradient norm is specialized where it is called. (Eight interleaved partial
    /// sums measured 3% faster on a 784-256-128-10 epoch but change every
    /// reported gradient norm in its last digits, and clipping with it.)
    @inlinable
    public var sumOfSquares: Scalar {
        storage.withUnsafeBufferPointer { values in
            var total: Scalar = 0
            for value in values { total += value * value }
            return total
        }
    }

    @inlinable
    public func allFinite() -> Bool {
        storage.allSatisfy { $0.isFinite }
    }

    public func map(_ transform: (Scalar) -> Scalar) -> Matrix {
        Matrix(rows: rows, columns: columns, storage: storage.map(transform))
    }

    /// The class of each row of a target matrix: the value itself when there is
    /// one column (a class index), the argmax of a one-hot row otherwise.
    @inlinable
    public func classPerRow() -> [Int] {
        columns == 1 ? storage.map(\.truncatedToInt) : argmaxPerRow()
    }

    /// Index of the largest value in each row (the predicted class for logits).
    @inlinable
    public func argmaxPerRow() -> [Int] {
        (0..<rows).map { row in
            var best = 0
            var bestValue = storage[row * columns]
            for column in 1..<Swift.max(columns, 1) where storage[row * columns + column] > bestValue {
                best = column
                bestValue = storage[row * columns + column]
            }
            return best
        }
    }
}
