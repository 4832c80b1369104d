/// He et al. (2015), kaiming_uniform with fan_in and the ReLU gain √2:
/// uniform on ±√(6 / fanIn).
public struct HeUniform: Initializer {
    public static let name = "he_uniform"
    public static let summary = "He/Kaiming uniform for ReLU, ±√(6/fan_in)"
    public init() {}
    public init(settings: Settings) {}
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let bound = (6 / Double(max(fanIn, 1))).squareRoot()
        return (0..<count).map { _ in random.uniform(-bound, bound) }
    }
}
