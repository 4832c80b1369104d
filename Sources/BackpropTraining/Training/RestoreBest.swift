import BackpropComponents

/// `train: {restore_best: val_loss | val_accuracy}`: a run ends with the
/// weights of its best epoch on the validation set, as Keras' EarlyStopping
/// with restore_best_weights does. The test set is measured on those weights
/// afterwards and never takes part in choosing them.
///
/// The values of every parameter and buffer at the best epoch so far, in
/// buffers made once, so keeping a new best copies and allocates nothing.
final class BestWeights<Scalar: BLASScalar> {
    private let parameters: [Parameter<Scalar>]
    private var saved: [[Scalar]]
    private(set) var epoch: Int?
    private var score = -Double.infinity

    init(_ parameters: [Parameter<Scalar>]) {
        self.parameters = parameters
        saved = parameters.map { Array(repeating: 0, count: $0.count) }
    }

    /// Keeps the current values when `score` beats the best so far.
    func offer(_ score: Double?, epoch: Int) {
        guard let score, score > self.score else { return }
        self.score = score
        self.epoch = epoch
        for (index, parameter) in parameters.enumerated() {
            saved[index].withUnsafeMutableBufferPointer { target in
                parameter.value.storage.withUnsafeBufferPointer { source in
                    for i in source.indices { target[i] = source[i] }
                }
            }
        }
    }

    /// Puts the kept values back; returns their epoch (nil when none was kept).
    func restore() -> Int? {
        guard epoch != nil else { return nil }
        for (index, parameter) in parameters.enumerated() { parameter.value.storage = saved[index] }
        return epoch
    }
}
