import BackpropCore

/// Inputs and targets of one split (training, validation or test), one row per sample.
///
/// Targets are one row per sample too: regression values, 0/1 for binary
/// losses, or one class index for softmax cross-entropy.
public struct DataSplit<Scalar: BLASScalar>: Sendable {
    public var inputs: Matrix<Scalar>
    public var targets: Matrix<Scalar>

    public init(inputs: Matrix<Scalar>, targets: Matrix<Scalar>) {
        precondition(inputs.rows == targets.rows,
                     "data split has \(inputs.rows) input rows but \(targets.rows) target rows")
        self.inputs = inputs
        self.targets = targets
    }

    public var count: Int { inputs.rows }
    public var features: Int { inputs.columns }

    /// The rows at `indices`, in order.
    public func subset<Indices: Collection<Int>>(_ indices: Indices) -> DataSplit {
        var x = Matrix<Scalar>(rows: 0, columns: 0)
        var y = Matrix<Scalar>(rows: 0, columns: 0)
        x.gatherRows(of: inputs, at: indices)
        y.gatherRows(of: targets, at: indices)
        return DataSplit(inputs: x, targets: y)
    }

    /// Removes the rows at `sortedIndices` (ascending), moving the rest up in
    /// place: no second copy of a large data set.
    public mutating func removeRows(sortedIndices: [Int]) {
        inputs.removeRows(sortedIndices: sortedIndices)
        targets.removeRows(sortedIndices: sortedIndices)
    }

    public func converted<Other: BLASScalar>(to: Other.Type = Other.self) -> DataSplit<Other> {
        DataSplit<Other>(inputs: inputs.converted(), targets: targets.converted())
    }
}
