/// All zeros. As the starting weights of a hidden layer this is the symmetry
/// pitfall: every hidden unit computes the same thing and gets the same update.
public struct Zeros: Initializer {
    public static let name = "zeros"
    public static let summary = "all zeros (the symmetry pitfall for hidden layers)"
    public init() {}
    public init(settings: Settings) {}
    public func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Array(repeating: 0, count: count)
    }
}
