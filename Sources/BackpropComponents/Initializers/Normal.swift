import BackpropCore

/// Normal with the given mean and standard deviation.
package struct Normal: Initializer {
    package let mean: Double
    package let standardDeviation: Double
    package static let name = "normal"
    package static let summary = "normal with mean and std"

    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    package init(settings: Settings) throws {
        mean = try settings.double("mean", default: 0)
        standardDeviation = try settings.double("std", default: 0.05, .positive)
    }

    package var description: String { "normal(mean: \(mean), std: \(standardDeviation))" }
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        (0..<count).map { _ in random.normal(mean: mean, standardDeviation: standardDeviation) }
    }
}

extension Normal: FanScaledDistribution {
    package static func scaled(gain: Double, fan: Int) -> Normal {
        Normal(mean: 0, standardDeviation: gain * (2 / Double(max(fan, 1))).squareRoot())
    }

    package static func spread(gain: String, fan: String) -> String { "std \(gain)√(2/\(fan))" }
}
