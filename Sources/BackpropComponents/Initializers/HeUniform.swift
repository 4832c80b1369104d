import BackpropCore

/// He et al. (2015), kaiming_uniform with fan_in and the ReLU gain √2:
/// uniform on ±√(6 / fanIn).
package struct HeUniform: Initializer {
    package static let name = "he_uniform"
    package static let summary = "He/Kaiming uniform for ReLU, ±√(6/fan_in)"
    package init() {}
    package init(settings: Settings) {}
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let bound = (6 / Double(max(fanIn, 1))).squareRoot()
        return (0..<count).map { _ in random.uniform(-bound, bound) }
    }
}
