/// Uniform on [low, high).
public struct Uniform: Initializer {
    public let low: Double
    public let high: Double
    public init(low: Double = -0.05, high: Double = 0.05) {
        self.low = low
        self.high = high
    }
    public var description: String { "uniform(low: \(low), high: \(high))" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        (0..<count).map { _ in random.uniform(low, high) }
    }
}
