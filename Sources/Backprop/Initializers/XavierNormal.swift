/// Glorot & Bengio (2010): normal with std gain·√(2 / (fanIn + fanOut)).
public struct XavierNormal: Initializer {
    public let gain: Double
    public init(gain: Double = 1) { self.gain = gain }
    public var description: String { "xavier_normal(gain: \(gain))" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        let deviation = gain * (2 / Double(max(fanIn + fanOut, 1))).squareRoot()
        return (0..<count).map { _ in random.normal(standardDeviation: deviation) }
    }
}
