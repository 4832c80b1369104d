import BackpropCore

/// All zeros. As the starting weights of a hidden layer this is the symmetry
/// pitfall: every hidden unit computes the same thing and gets the same update.
package struct Zeros: Initializer {
    package static let name = "zeros"
    package static let summary = "all zeros (the symmetry pitfall for hidden layers)"
    package init() {}
    package init(settings: Settings) {}
    package func sample(count: Int, fanIn: Int, fanOut: Int, random: inout RandomGenerator) -> [Double] {
        Array(repeating: 0, count: count)
    }
}
