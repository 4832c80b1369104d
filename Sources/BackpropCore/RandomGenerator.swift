import RealModule
import BackpropPlatform

/// A seeded pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// Our own rather than the system's so that the same seed gives the same
/// numbers on every machine and Swift version (Swift's own shuffles and
/// distributions make no such promise). Reference: Blackman & Vigna,
/// "Scrambled linear pseudorandom number generators" (2021).
public struct RandomGenerator: RandomNumberGenerator, Sendable, Equatable, Codable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    /// A uniform value in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform value in [lower, upper).
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnit()
    }

    /// A normal value by the Box–Muller transform (one of the pair is used, so
    /// the sequence depends only on the number of draws).
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - nextUnit()  // in (0, 1], so the logarithm is finite
        let u2 = nextUnit()
        let radius = (-2 * Double.log(u1)).squareRoot()
        return mean + standardDeviation * radius * Double.cos(2 * Double.pi * u2)
    }

    /// A uniform integer in 0..<bound without modulo bias (Lemire's method).
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound > 0, "integer(below:) needs a positive bound")
        let bound64 = UInt64(bound)
        var product = next().multipliedFullWidth(by: bound64)
        if product.low < bound64 {
            let threshold = (0 &- bound64) % bound64
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound64)
            }
        }
        return Int(product.high)
    }

    /// Shuffles in place by Fisher–Yates with this generator. Inlinable, so
    /// the epoch's order (another module) swaps without generic dispatch.
    @inlinable
    public mutating func shuffle<Elements: MutableCollection & RandomAccessCollection>(_ elements: inout Elements)
    where Elements.Index == Int {
        guard elements.count > 1 else { return }
        for offset in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = integer(below: offset + 1)
            elements.swapAt(elements.startIndex + offset, elements.startIndex + other)
        }
    }

    /// A generator for a sub-task, derived from this one without disturbing it
    /// more than one draw (so adding a consumer does not shift everyone else).
    public mutating func split() -> RandomGenerator {
        RandomGenerator(seed: next())
    }

    public static func == (lhs: RandomGenerator, rhs: RandomGenerator) -> Bool {
        lhs.state == rhs.state
    }

    private enum CodingKeys: String, CodingKey { case state }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([UInt64].self, forKey: .state)
        guard words.count == 4 else {
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container, debugDescription: "random state needs 4 words")
        }
        state = (words[0], words[1], words[2], words[3])
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([state.0, state.1, state.2, state.3], forKey: .state)
    }
}
