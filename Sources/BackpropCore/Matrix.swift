import BackpropPlatform

/// A dense row-major matrix of `Float` or `Double`.
///
/// Value semantics over one contiguous array: `storage[row * columns + column]`.
/// Shape mismatches are programming errors inside the library and stop with a
/// message naming both shapes; shapes that come from a user (an experiment file,
/// a data file) are validated before they reach a matrix.
public struct Matrix<Scalar: BLASScalar>: Equatable, Sendable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    public var storage: [Scalar]

    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        requireShape(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got (\(rows)x\(columns))")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, storage: [Scalar]) {
        requireShape(
            storage.count == rows * columns,
            "Matrix storage has \(storage.count) values, shape (\(rows)x\(columns)) needs \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from nested rows; every row must have the same length.
    public init(_ nestedRows: [[Scalar]]) {
        let columns = nestedRows.first?.count ?? 0
        requireShape(nestedRows.allSatisfy { $0.count == columns }, "Matrix rows have different lengths")
        self.init(rows: nestedRows.count, columns: columns, storage: nestedRows.flatMap { $0 })
    }

    /// A column vector (n x 1).
    public init(column values: [Scalar]) {
        self.init(rows: values.count, columns: 1, storage: values)
    }

    public var count: Int { storage.count }
    public var shape: (rows: Int, columns: Int) { (rows, columns) }
    public var shapeDescription: String { "(\(rows)x\(columns))" }

    public subscript(row: Int, column: Int) -> Scalar {
        get {
            requireShape(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) outside shape \(shapeDescription)")
            return storage[row * columns + column]
        }
        set {
            requireShape(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) outside shape \(shapeDescription)")
            storage[row * columns + column] = newValue
        }
    }

    public func row(_ index: Int) -> [Scalar] {
        Array(storage[(index * columns)..<((index + 1) * columns)])
    }

    public var nestedRows: [[Scalar]] { (0..<rows).map(row) }

    /// Changes the shape, keeping the allocated capacity, so a buffer reused for a
    /// smaller last batch does not reallocate. Contents are unspecified afterwards.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public mutating func reshape(rows newRows: Int, columns newColumns: Int) {
        if newRows == rows && newColumns == columns { return }
        let newCount = newRows * newColumns
        if newCount < storage.count {
            storage.removeLast(storage.count - newCount)
        } else if newCount > storage.count {
            storage.append(contentsOf: repeatElement(0, count: newCount - storage.count))
        }
        rows = newRows
        columns = newColumns
    }

    /// Converts to another precision.
    public func converted<Other: BLASScalar>(to: Other.Type = Other.self) -> Matrix<Other> {
        Matrix<Other>(rows: rows, columns: columns, storage: storage.map { Other($0) })
    }

    public func requireSameShape(as other: Matrix, _ operation: @autoclosure () -> String) {
        requireShape(rows == other.rows && columns == other.columns,
                     "\(operation()): shapes \(shapeDescription) and \(other.shapeDescription) differ")
    }
}
