/// All zeros. As the starting weights of a hidden layer this is the symmetry
/// pitfall: every hidden unit computes the same thing and gets the same update.
public struct Zeros: Initializer {
    public init() {}
    public var description: String { "zeros" }
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Array(repeating: 0, count: count)
    }
}
