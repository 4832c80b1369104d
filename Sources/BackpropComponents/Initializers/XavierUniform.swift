import BackpropCore

/// Glorot & Bengio (2010): uniform on ±gain·√(6 / (fanIn + fanOut)), keeping
/// the variance of activations and gradients about equal across tanh/sigmoid layers.
package struct XavierUniform: Initializer {
    package let gain: Double
    package static let name = "xavier_uniform"
    package static let summary = "Glorot uniform, ±gain·√(6/(fan_in+fan_out))"
    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(gain: Double) { self.gain = gain }
    package init(settings: Settings) throws { gain = try settings.double("gain", default: 1, .positive) }
    package var description: String { "xavier_uniform(gain: \(gain))" }
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let bound = gain * (6 / Double(max(fanIn + fanOut, 1))).squareRoot()
        return (0..<count).map { _ in random.uniform(-bound, bound) }
    }
}
