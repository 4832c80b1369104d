import BackpropCore

/// He et al. (2015), torch's kaiming initializers with fan_in and the ReLU
/// gain √2: `Distribution` scaled to fan = fanIn with gain 1, the √2 being
/// the 2 of √(2/fan).
package struct He<Distribution: FanScaledDistribution>: Initializer {
    package static var name: String { "he_" + Distribution.name }
    package static var summary: String { "He/Kaiming \(Distribution.name) for ReLU, " + Distribution.spread(gain: "", fan: "fan_in") }
    package init() {}
    package init(settings: Settings) {}
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Distribution.scaled(gain: 1, fan: fanIn).sample(count: count, fanIn: fanIn, fanOut: fanOut, random: &random)
    }
}

/// `he_normal`: normal with std √(2 / fanIn).
package typealias HeNormal = He<Normal>
/// `he_uniform`: uniform on ±√(6 / fanIn).
package typealias HeUniform = He<Uniform>
