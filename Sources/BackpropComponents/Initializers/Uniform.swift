import BackpropCore

/// Uniform on [low, high).
package struct Uniform: Initializer {
    package let low: Double
    package let high: Double
    package static let name = "uniform"
    package static let summary = "uniform on [low, high)"

    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    package init(settings: Settings) throws {
        low = try settings.double("low", default: -0.05)
        high = try settings.double("high", default: 0.05)
        guard high > low else { throw settings.problem("high", "uniform needs high > low") }
    }

    package var description: String { "uniform(low: \(low), high: \(high))" }
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        (0..<count).map { _ in random.uniform(low, high) }
    }
}

extension Uniform: FanScaledDistribution {
    package static func scaled(gain: Double, fan: Int) -> Uniform {
        let bound = gain * (6 / Double(max(fan, 1))).squareRoot()
        return Uniform(low: -bound, high: bound)
    }

    package static func spread(gain: String, fan: String) -> String { "±\(gain)√(6/\(fan))" }
}
