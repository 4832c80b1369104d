import Backprop

/// Two Gaussian clouds around (−1, −1) and (+1, +1), one per class.
public struct TwoCloudsDataset: Dataset {
    public static let name = "two_clouds"
    public static let summary = "two Gaussian clouds, one per class"
    public let samples: Int
    public let spread: Double

    public init(settings: Settings) throws {
        samples = try settings.int("samples", default: 100, .count)
        spread = try settings.double("spread", default: 0.4, .nonNegative)
    }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        var random = RandomGenerator(seed: 11)
        var inputs: [Scalar] = []
        var labels: [Scalar] = []
        for index in 0..<samples {
            let centre: Double = index % 2 == 0 ? -1 : 1
            inputs += [Scalar(centre + spread * random.normal()), Scalar(centre + spread * random.normal())]
            labels.append(Scalar(index % 2))
        }
        return LoadedDataset(
            train: DataSplit(inputs: Matrix(rows: samples, columns: 2, storage: inputs), targets: Matrix(column: labels)),
            featureNames: ["a", "b"], classNames: ["left", "right"])
    }
}
