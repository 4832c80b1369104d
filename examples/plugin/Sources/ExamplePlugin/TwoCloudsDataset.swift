import Backprop

/// Two Gaussian clouds around (−1, −1) and (+1, +1), one per class.
public struct TwoCloudsDataset: Generator {
    public static let name = "two_clouds"
    public static let summary = "two Gaussian clouds, one per class"
    public let samples: Int
    public let spread: Double
    public let seed: UInt64

    public init(settings: Settings) throws {
        samples = try settings.int("samples", default: 100, .countFrom(2))
        spread = try settings.double("spread", default: 0.4, .nonNegative)
        seed = try GeneratedSamples.seed(settings)
    }

    public var featureNames: [String] { ["a", "b"] }
    public var classNames: [String]? { ["left", "right"] }

    public func draw(into generated: inout GeneratedSamples, random: inout RandomGenerator) {
        for index in 0..<samples {
            let centre: Double = index % 2 == 0 ? -1 : 1
            generated.append([centre + spread * random.normal(), centre + spread * random.normal()], target: Double(index % 2))
        }
    }
}
