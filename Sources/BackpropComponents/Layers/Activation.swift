import BackpropCore

/// An element-wise activation: `output = f(input)` for every entry.
///
/// A conforming type gives the function and its slope; the layer it makes
/// (`ActivationLayer`) runs forward and backward from them. The slope may use
/// the output as well as the input, which is how sigmoid and tanh are usually
/// differentiated (σ' = σ(1 − σ)).
///
/// Speed: the layer is called through `any Layer`, and a generic loop that
/// calls `value` through the protocol pays a dispatch per element (measured:
/// ReLU forward+backward on 128x384 floats took 4 ms, 0.015 ms specialized).
/// So each activation pre-specializes `forward` and `backward` in its own
/// file, where the loops inline `value` and `slope`; four lines:
///
///     @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
///     public func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }
///     @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
///     public func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) { backwardEach(x, y, dy, into: &dx) }
///
/// An activation without them works, only slower.
public protocol Activation: LayerSpec {
    func value<Scalar: BLASScalar>(_ x: Scalar) -> Scalar
    /// f'(x), given x and y = f(x).
    func slope<Scalar: BLASScalar>(input x: Scalar, output y: Scalar) -> Scalar
    /// y = f(x) entry by entry, y reshaped to x's shape.
    func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>)
    /// dx = dy ⊙ f'(x), given x, y = f(x) and dy.
    func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>)
    /// A warning for a learner when the activation is used in training.
    var trainingWarning: String? { get }
}

extension Activation {
    public func forward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) { forwardEach(x, into: &y) }

    public func backward<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) {
        backwardEach(x, y, dy, into: &dx)
    }

    public var trainingWarning: String? { nil }
    public func outputSize(inputSize: Int) -> Int { inputSize }

    public func makeLayer<Scalar: BLASScalar>(inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type) -> any Layer<Scalar> {
        ActivationLayer<Self, Scalar>(self)
    }

    /// The forward loop; called where the activation's type is known, it inlines `value`.
    @inlinable
    public func forwardEach<Scalar: BLASScalar>(_ x: Matrix<Scalar>, into y: inout Matrix<Scalar>) {
        y.reshape(rows: x.rows, columns: x.columns)
        x.storage.withUnsafeBufferPointer { x in
            y.storage.withUnsafeMutableBufferPointer { y in
                for index in x.indices { y[index] = value(x[index]) }
            }
        }
    }

    /// The backward loop; called where the activation's type is known, it inlines `slope`.
    @inlinable
    public func backwardEach<Scalar: BLASScalar>(_ x: Matrix<Scalar>, _ y: Matrix<Scalar>, _ dy: Matrix<Scalar>, into dx: inout Matrix<Scalar>) {
        dy.requireSameShape(as: y, "\(Self.name) backward")
        dx.reshape(rows: x.rows, columns: x.columns)
        x.storage.withUnsafeBufferPointer { x in
            y.storage.withUnsafeBufferPointer { y in
                dy.storage.withUnsafeBufferPointer { dy in
                    dx.storage.withUnsafeMutableBufferPointer { dx in
                        for index in x.indices {
                            dx[index] = dy[index] * slope(input: x[index], output: y[index])
                        }
                    }
                }
            }
        }
    }
}
