/// He et al. (2015), kaiming_uniform with fan_in and the ReLU gain √2:
/// uniform on ±√(6 / fanIn).
public struct HeUniform: Initializer {
    public init() {}
    public var description: String { "he_uniform" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let bound = (6 / Double(max(fanIn, 1))).squareRoot()
        return (0..<count).map { _ in random.uniform(-bound, bound) }
    }
}
