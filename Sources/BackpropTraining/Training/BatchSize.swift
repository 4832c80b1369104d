import BackpropComponents

/// How many samples each optimizer step sees.
///
/// `full` is batch gradient descent (one step per epoch), `1` is stochastic
/// gradient descent (one step per sample), anything between is mini-batch.
/// The last, smaller batch of an epoch is kept.
package enum BatchSize: Equatable, Sendable, CustomStringConvertible {
    case full
    case samples(Int)

    package func resolved(datasetSize: Int) -> Int {
        switch self {
        case .full: return max(datasetSize, 1)
        case .samples(let size): return max(1, min(size, datasetSize))
        }
    }

    package var description: String {
        switch self {
        case .full: return "full"
        case .samples(let size): return "\(size)"
        }
    }
}
