import BackpropCore

/// The one optimizer driver every update rule runs in, as in mlx-swift's
/// optimizers and tinygrad's optim.py.
///
/// It owns what all rules share: per-parameter state (made on the first step,
/// from `rule.initialState`), the step counter, weight decay (coupled into the
/// gradient the rule reads, or decoupled as a shrink of the weights first),
/// and saving and restoring that state for checkpoints. The rule supplies only
/// its per-element update. A warm step allocates nothing.
public final class Optimizer<Scalar: BLASScalar>: CustomStringConvertible {
    public let rule: any OptimizerRule
    /// The learning rate of the next step; schedules change it between epochs.
    public var learningRate: Double
    /// Steps taken so far.
    public private(set) var steps = 0
    private let stateNames: [String]
    /// Per parameter, its state buffers one after another in `stateNames` order.
    @exclusivity(unchecked) private var state: [[Scalar]] = []  // see Parameter.value

    public init(_ rule: any OptimizerRule) {
        self.rule = rule
        learningRate = rule.learningRate
        stateNames = rule.stateNames
    }

    /// The rule's registry name (`sgd`, `adam`, ...), which names saved state.
    public var kind: String { type(of: rule).name }
    public var description: String { rule.description }

    /// Applies one update to every parameter from its current gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func step(_ parameters: [Parameter<Scalar>]) {
        prepareState(for: parameters)
        steps += 1
        var coupled: Scalar = 0
        switch rule.weightDecay {
        case .coupled(let rate):
            coupled = Scalar(rate)
        case .decoupled(let rate):
            let shrink = Scalar(1 - learningRate * rate)
            if rate > 0 {
                for parameter in parameters {
                    parameter.value.storage.withUnsafeMutableBufferPointer { w in
                        for i in w.indices { w[i] *= shrink }
                    }
                }
            }
        }
        for (index, parameter) in parameters.enumerated() {
            parameter.value.storage.withUnsafeMutableBufferPointer { values in
                parameter.gradient.storage.withUnsafeBufferPointer { gradient in
                    state[index].withUnsafeMutableBufferPointer { state in
                        rule.apply(ParameterUpdate(values: values, gradient: gradient, coupledDecay: coupled, state: state,
                                                   step: steps, learningRate: learningRate))
                    }
                }
            }
        }
    }

    /// Zero (or `initialState`) buffers shaped like `parameters` unless they already are.
    private func prepareState(for parameters: [Parameter<Scalar>]) {
        let width = stateNames.count
        if state.count == parameters.count && zip(state, parameters).allSatisfy({ $0.count == $1.count * width }) { return }
        state = parameters.map { Array(repeating: Scalar(rule.initialState), count: $0.count * width) }
    }

    /// The step count and every state buffer, for checkpoints.
    public func saveState() -> OptimizerState {
        var buffers: [String: [[Double]]] = [:]
        for (position, name) in stateNames.enumerated() {
            buffers[name] = state.map { block in
                let count = block.count / stateNames.count
                return block[(position * count)..<((position + 1) * count)].map(Double.init)
            }
        }
        return OptimizerState(kind: kind, step: steps, buffers: buffers)
    }

    /// Restores a state saved by `saveState()` of the same rule and parameters.
    public func restoreState(_ saved: OptimizerState) throws {
        guard saved.kind == kind else {
            throw OptimizerStateError(description: "cannot restore \(saved.kind) state into \(kind)")
        }
        if saved.step > 0, !stateNames.isEmpty {
            let named = try stateNames.map { name in
                guard let buffers = saved.buffers[name] else {
                    throw OptimizerStateError(description: "\(saved.kind) state has no '\(name)' buffer")
                }
                return buffers
            }
            let parameters = named[0].count
            guard named.allSatisfy({ $0.count == parameters }),
                  (0..<parameters).allSatisfy({ index in named.allSatisfy { $0[index].count == named[0][index].count } }) else {
                throw OptimizerStateError(description: "\(saved.kind) state buffers have different shapes")
            }
            state = (0..<parameters).map { index in named.flatMap { $0[index] }.map { Scalar($0) } }
        }
        steps = saved.step
    }
}
