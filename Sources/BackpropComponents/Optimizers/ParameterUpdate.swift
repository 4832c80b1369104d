import BackpropCore

/// One parameter as an `OptimizerRule` sees it during a step.
public struct ParameterUpdate<Scalar: BLASScalar> {
    /// The parameter's values, updated in place.
    public let values: UnsafeMutableBufferPointer<Scalar>
    @usableFromInline let rawGradient: UnsafeBufferPointer<Scalar>
    @usableFromInline let coupledDecay: Scalar
    @usableFromInline let stateStorage: UnsafeMutableBufferPointer<Scalar>
    /// The number of this step, 1 for the first.
    public let step: Int
    /// This step's learning rate (the schedule's).
    public let learningRate: Double

    package init(values: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>, coupledDecay: Scalar,
         state: UnsafeMutableBufferPointer<Scalar>, step: Int, learningRate: Double) {
        self.values = values
        rawGradient = gradient
        self.coupledDecay = coupledDecay
        stateStorage = state
        self.step = step
        self.learningRate = learningRate
    }

    /// g for entry i: the gradient plus coupled weight decay, ∇ᵢ + weight_decay·wᵢ.
    /// Read it before writing `values[i]`.
    @inlinable
    public func gradient(_ i: Int) -> Scalar {
        rawGradient[i] + coupledDecay * values[i]
    }

    /// The state buffer named `stateNames[index]` by the rule.
    @inlinable
    public func state(_ index: Int) -> UnsafeMutableBufferPointer<Scalar> {
        let count = values.count
        return UnsafeMutableBufferPointer(rebasing: stateStorage[(index * count)..<((index + 1) * count)])
    }
}
