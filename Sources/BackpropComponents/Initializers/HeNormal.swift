import BackpropCore

/// He et al. (2015), kaiming_normal with fan_in and the ReLU gain √2:
/// normal with std √(2 / fanIn).
package struct HeNormal: Initializer {
    package static let name = "he_normal"
    package static let summary = "He/Kaiming normal for ReLU, std √(2/fan_in)"
    package init() {}
    package init(settings: Settings) {}
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let deviation = (2 / Double(max(fanIn, 1))).squareRoot()
        return (0..<count).map { _ in random.normal(standardDeviation: deviation) }
    }
}
