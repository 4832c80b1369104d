import BackpropCore

/// Every entry equal to `value`.
package struct Constant: Initializer {
    package let value: Double
    package static let name = "constant"
    package static let summary = "every entry equal to value"
    /// Unchecked, for code in this package; elsewhere a component is made from settings.
    package init(value: Double) { self.value = value }
    package init(settings: Settings) throws { value = try settings.double("value", default: nil) }
    package var description: String { "constant(value: \(value))" }
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Array(repeating: value, count: count)
    }
}
