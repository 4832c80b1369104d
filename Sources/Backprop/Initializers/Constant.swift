/// Every entry equal to `value`.
public struct Constant: Initializer {
    public let value: Double
    public static let name = "constant"
    public static let summary = "every entry equal to value"
    /// Unchecked, for code in this module; elsewhere a component is made from settings.
    init(value: Double) { self.value = value }
    public init(settings: Settings) throws { value = try settings.double("value", default: nil) }
    public var description: String { "constant(value: \(value))" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Array(repeating: value, count: count)
    }
}
