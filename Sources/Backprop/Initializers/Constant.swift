/// Every entry equal to `value`.
public struct Constant: Initializer {
    public let value: Double
    public init(value: Double) { self.value = value }
    public var description: String { "constant(value: \(value))" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Array(repeating: value, count: count)
    }
}
