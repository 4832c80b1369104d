import RealModule
import BackpropComponents

/// Limits gradients before the optimizer step.
///
/// `norm(maxNorm)`: if the global L2 norm over all parameters exceeds maxNorm,
/// every gradient is scaled by maxNorm / (norm + 1e-6), as torch.nn.utils.clip_grad_norm_.
/// `value(limit)`: every entry is clamped to [−limit, limit], as clip_grad_value_.
package enum GradientClipping: Equatable, Sendable, CustomStringConvertible {
    case norm(Double)
    case value(Double)

    /// Clips in place; `globalNorm` is the norm before clipping.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func apply<Scalar: BLASScalar>(to parameters: [Parameter<Scalar>], globalNorm: Double) {
        switch self {
        case .norm(let maxNorm):
            guard globalNorm > maxNorm else { return }
            let scale = Scalar(maxNorm / (globalNorm + 1e-6))
            for parameter in parameters {
                parameter.gradient.storage.withUnsafeMutableBufferPointer { g in
                    for i in g.indices { g[i] *= scale }
                }
            }
        case .value(let limit):
            let bound = Scalar(limit)
            for parameter in parameters {
                parameter.gradient.storage.withUnsafeMutableBufferPointer { g in
                    for i in g.indices { g[i] = Swift.min(Swift.max(g[i], -bound), bound) }
                }
            }
        }
    }

    package var description: String {
        switch self {
        case .norm(let maxNorm): return "norm \(maxNorm)"
        case .value(let limit): return "value \(limit)"
        }
    }
}
