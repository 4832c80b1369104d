/// Normal with the given mean and standard deviation.
public struct Normal: Initializer {
    public let mean: Double
    public let standardDeviation: Double
    public init(mean: Double = 0, standardDeviation: Double = 0.05) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
    public var description: String { "normal(mean: \(mean), std: \(standardDeviation))" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        (0..<count).map { _ in random.normal(mean: mean, standardDeviation: standardDeviation) }
    }
}
