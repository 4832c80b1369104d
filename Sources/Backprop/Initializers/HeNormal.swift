/// He et al. (2015), kaiming_normal with fan_in and the ReLU gain √2:
/// normal with std √(2 / fanIn).
public struct HeNormal: Initializer {
    public static let name = "he_normal"
    public static let summary = "He/Kaiming normal for ReLU, std √(2/fan_in)"
    public init() {}
    public init(settings: Settings) {}
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let deviation = (2 / Double(max(fanIn, 1))).squareRoot()
        return (0..<count).map { _ in random.normal(standardDeviation: deviation) }
    }
}
