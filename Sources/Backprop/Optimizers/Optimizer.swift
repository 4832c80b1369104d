/// Updates parameters from their gradients; one type per rule (SGD, Adam, ...).
///
/// Rules match torch.optim exactly (see each type's documentation), so a run
/// here and a run in PyTorch from the same weights follow the same trajectory.
/// Per-parameter state (momentum buffers, moment estimates) lives beside the
/// rule, is created on the first step, and can be saved and restored.
public protocol Optimizer<Scalar>: AnyObject, CustomStringConvertible {
    associatedtype Scalar: BLASScalar

    /// The registry name (`sgd`, `adam`, ...).
    var kind: String { get }

    /// The learning rate of the next step; schedules change it between epochs.
    var learningRate: Double { get set }

    /// Applies one update to every parameter from its current gradient.
    func step(_ parameters: [Parameter<Scalar>])

    /// The per-parameter state and step count, for checkpoints.
    func saveState() -> OptimizerState

    /// Restores a state saved by `saveState()` of the same kind and parameters.
    func restoreState(_ state: OptimizerState) throws
}

/// An optimizer's state in a form that survives a file: buffers by name, one
/// array per parameter, in Double (which holds every Float exactly).
public struct OptimizerState: Codable, Equatable, Sendable {
    public var kind: String
    public var step: Int
    public var buffers: [String: [[Double]]]

    public init(kind: String, step: Int, buffers: [String: [[Double]]]) {
        self.kind = kind
        self.step = step
        self.buffers = buffers
    }
}

public struct OptimizerStateError: Error, CustomStringConvertible {
    public var description: String
}

/// Per-parameter buffers of one kind (say Adam's first moments), made on first use.
public struct StateBuffer<Scalar: BLASScalar> {
    public let name: String
    public var values: [[Scalar]] = []

    public init(_ name: String) { self.name = name }

    /// Creates zero buffers shaped like `parameters` unless they already are.
    public mutating func prepare(for parameters: [Parameter<Scalar>]) {
        if values.count == parameters.count && zip(values, parameters).allSatisfy({ $0.count == $1.count }) { return }
        values = parameters.map { Array(repeating: 0, count: $0.count) }
    }

    public var saved: (String, [[Double]]) { (name, values.map { $0.map(Double.init) }) }

    public mutating func restore(from state: OptimizerState) throws {
        guard let buffers = state.buffers[name] else {
            throw OptimizerStateError(description: "\(state.kind) state has no '\(name)' buffer")
        }
        values = buffers.map { $0.map { Scalar($0) } }
    }
}

extension Optimizer {
    /// Saves `buffers` and `step` under this optimizer's kind.
    func makeState(step: Int, _ buffers: [StateBuffer<Scalar>]) -> OptimizerState {
        OptimizerState(kind: kind, step: step, buffers: Dictionary(uniqueKeysWithValues: buffers.map(\.saved)))
    }

    func requireKind(_ state: OptimizerState) throws {
        guard state.kind == kind else {
            throw OptimizerStateError(description: "cannot restore \(state.kind) state into \(kind)")
        }
    }
}

/// Checks a hyperparameter at construction, with a sentence that says how to fix it.
func checkHyperparameter(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw OptimizerStateError(description: message()) }
}
