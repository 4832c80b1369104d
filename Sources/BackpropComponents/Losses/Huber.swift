import BackpropCore

/// Huber loss: ½d² for |d| < δ, else δ(|d| − ½δ), with d = prediction − target;
/// quadratic near the target, linear far away, so outliers pull less.
package struct Huber: Loss {
    package static let name = "huber"
    package static let summary = "½d² for |d| < delta, else delta·(|d| − ½delta)"
    package let delta: Double

    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(delta: Double) { self.delta = delta }

    package init(settings: Settings) throws {
        delta = try settings.double("delta", default: 1, .positive)
    }

    package var targets: LossTargets { .values }
    package var description: String { "huber(delta: \(delta))" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func value<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>) -> Scalar {
        let delta = Scalar(delta)
        return elementwiseMean(prediction, target) { p, t in
            let difference = Swift.abs(p - t)
            return difference < delta ? difference * difference / 2 : delta * (difference - delta / 2)
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func gradient<Scalar: BLASScalar>(prediction: Matrix<Scalar>, target: Matrix<Scalar>, into gradient: inout Matrix<Scalar>) {
        let delta = Scalar(delta)
        elementwiseMeanGradient(prediction, target, into: &gradient) { p, t in
            Swift.min(Swift.max(p - t, -delta), delta)
        }
    }
}
