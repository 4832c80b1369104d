import BackpropCore

/// An optimizer's state in a form that survives a file: the step count and
/// each state buffer by name, one array per parameter, in Double (which holds
/// every Float exactly).
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

/// Saved state that does not fit the optimizer it is restored into.
public struct OptimizerStateError: BadInputError {
    public var description: String
}
