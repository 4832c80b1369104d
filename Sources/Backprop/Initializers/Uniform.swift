/// Uniform on [low, high).
public struct Uniform: Initializer {
    public let low: Double
    public let high: Double
    public static let name = "uniform"
    public static let summary = "uniform on [low, high)"

    /// Unchecked, for code in this module; elsewhere a component is made from settings.
    init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    public init(settings: Settings) throws {
        low = try settings.double("low", default: -0.05)
        high = try settings.double("high", default: 0.05)
        guard high > low else { throw settings.problem("high", "uniform needs high > low") }
    }

    public var description: String { "uniform(low: \(low), high: \(high))" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        (0..<count).map { _ in random.uniform(low, high) }
    }
}
