import BackpropCore

/// Glorot & Bengio (2010): normal with std gain·√(2 / (fanIn + fanOut)).
package struct XavierNormal: Initializer {
    package let gain: Double
    package static let name = "xavier_normal"
    package static let summary = "Glorot normal, std gain·√(2/(fan_in+fan_out))"
    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(gain: Double) { self.gain = gain }
    package init(settings: Settings) throws { gain = try settings.double("gain", default: 1, .positive) }
    package var description: String { "xavier_normal(gain: \(gain))" }
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let deviation = gain * (2 / Double(max(fanIn + fanOut, 1))).squareRoot()
        return (0..<count).map { _ in random.normal(standardDeviation: deviation) }
    }
}
