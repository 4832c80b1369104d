/// Huber loss: ½d² for |d| < δ, else δ(|d| − ½δ), with d = prediction − target;
/// quadratic near the target, linear far away, so outliers pull less.
public struct Huber<Scalar: BLASScalar>: Loss {
    public let delta: Scalar
    public init(delta: Scalar = 1) { self.delta = delta }
    public var kind: String { "huber" }
    public var description: String { "huber(delta: \(delta))" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func value(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        elementwiseMean(prediction, target) { p, t in
            let difference = Swift.abs(p - t)
            return difference < delta ? difference * difference / 2 : delta * (difference - delta / 2)
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gradient(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        elementwiseMeanGradient(prediction, target, into: &gradient) { p, t in
            Swift.min(Swift.max(p - t, -delta), delta)
        }
    }
}
