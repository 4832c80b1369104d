import BackpropCore

/// Glorot & Bengio (2010): `Distribution` scaled to fan = fanIn + fanOut,
/// keeping the variance of activations and gradients about equal across
/// tanh/sigmoid layers.
package struct Xavier<Distribution: FanScaledDistribution>: Initializer {
    package static var name: String { "xavier_" + Distribution.name }
    package static var summary: String { "Glorot \(Distribution.name), " + Distribution.spread(gain: "gain·", fan: "(fan_in+fan_out)") }
    package let gain: Double
    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(gain: Double) { self.gain = gain }
    package init(settings: Settings) throws { gain = try settings.double("gain", default: 1, .positive) }
    package var description: String { "\(Self.name)(gain: \(gain))" }
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Distribution.scaled(gain: gain, fan: fanIn + fanOut).sample(count: count, fanIn: fanIn, fanOut: fanOut, random: &random)
    }
}

/// `xavier_normal`: normal with std gain·√(2 / (fanIn + fanOut)).
package typealias XavierNormal = Xavier<Normal>
/// `xavier_uniform`: uniform on ±gain·√(6 / (fanIn + fanOut)), a dense layer's default.
package typealias XavierUniform = Xavier<Uniform>
