import BackpropPlatform

/// A trainable tensor and the gradient of the loss with respect to it.
///
/// A reference type: the layer that owns it, the optimizer that updates it and
/// the trainer that clips its gradient all see the same storage.
public final class Parameter<Scalar: BLASScalar> {
    /// A readable name, `layer1.dense.weight` once in a `Sequential`, used in
    /// gradient checks and checkpoints.
    public var name: String
    // Unchecked: every step reaches these through the class several times, and
    // the run-time exclusivity checks cost about a tenth of a small model's step.
    // Each model is trained by one thread at a time.
    @exclusivity(unchecked) public var value: Matrix<Scalar>
    @exclusivity(unchecked) public var gradient: Matrix<Scalar>

    public init(name: String, value: Matrix<Scalar>) {
        self.name = name
        self.value = value
        self.gradient = Matrix(rows: value.rows, columns: value.columns)
    }

    public var count: Int { value.count }

    public func zeroGradient() {
        gradient.storage.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = 0 }
        }
    }
}

extension Parameter: CustomStringConvertible {
    public var description: String { "\(name) \(value.shapeDescription)" }
}
