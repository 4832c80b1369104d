import BackpropCore

/// An optimizer's update rule: its settings and the per-element arithmetic of
/// one step, nothing else.
///
/// The `Optimizer` driver does the rest alike for every rule: it makes the
/// per-parameter state on the first step, counts steps, applies weight decay,
/// and saves and restores the state for checkpoints. A new optimizer is one
/// file with a type conforming to this protocol, plus one line in
/// `OptimizerRegistry.swift` (or, from another package, one `register` call).
public protocol OptimizerRule: Component {
    /// The base learning rate (`lr`); schedules set each epoch's rate from it.
    var learningRate: Double { get }

    /// How `weight_decay` enters the step (the driver applies it).
    var weightDecay: WeightDecay { get }

    /// The per-parameter state buffers the update reads and writes, by
    /// torch.optim's names (checkpoints save them so); each is shaped like
    /// its parameter and `ParameterUpdate.state(i)` is the i-th.
    var stateNames: [String] { get }

    /// The value every state buffer starts from.
    var initialState: Double { get }

    /// Updates one parameter in place. Pre-specialize it for Float and Double
    /// (`@_specialize`): the driver calls it through `any OptimizerRule`.
    func update<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>)

    /// `update` for a float32 parameter. The driver calls these two, and their
    /// defaults call `update`; a rule that implements them as `{ update(parameter) }`
    /// (the built-in ones do) is called without entering its generic `update`,
    /// whose start looks up type metadata on every call: a third of a small
    /// network's step, measured on 2-8-2.
    func update(float parameter: ParameterUpdate<Float>)
    /// `update` for a float64 parameter (see `update(float:)`).
    func update(double parameter: ParameterUpdate<Double>)
}

extension OptimizerRule {
    public var stateNames: [String] { [] }
    public var initialState: Double { 0 }
    public func update(float parameter: ParameterUpdate<Float>) { update(parameter) }
    public func update(double parameter: ParameterUpdate<Double>) { update(parameter) }
}

extension OptimizerRule {
    /// Calls the concrete entry for the parameter's precision, `update(float:)`
    /// or `update(double:)`: a comparison of two type pointers, folded away
    /// where the driver is specialized, instead of the generic `update`'s
    /// metadata lookups. (The numeric core cannot name optimizers, so the
    /// choice is made here.)
    @inline(__always)
    func apply<Scalar: BLASScalar>(_ parameter: ParameterUpdate<Scalar>) {
        if Scalar.self == Float.self {
            update(float: unsafeBitCast(parameter, to: ParameterUpdate<Float>.self))
        } else if Scalar.self == Double.self {
            update(double: unsafeBitCast(parameter, to: ParameterUpdate<Double>.self))
        } else {
            update(parameter)
        }
    }
}
