import BackpropCore

/// The samples a `Generator` draws, computed in Double and converted once to
/// the run's precision, plus the small helpers every generator shares.
public struct GeneratedSamples {
    public let featureCount: Int
    private(set) var features: [Double] = []
    private(set) var targets: [Double] = []

    package init(featureCount: Int, capacity: Int) {
        self.featureCount = featureCount
        features.reserveCapacity(featureCount * capacity)
        targets.reserveCapacity(capacity)
    }

    public var count: Int { targets.count }

    /// Adds one sample; `point` has `featureCount` coordinates.
    public mutating func append(_ point: [Double], target: Double) {
        if point.count != featureCount {
            fatalError("a generator drew a point of \(point.count) coordinates; its features need \(featureCount)")
        }
        features.append(contentsOf: point)
        targets.append(target)
    }

    /// The samples as a training split (one target per row), in `Scalar`.
    func loaded<Scalar: BLASScalar>(as scalar: Scalar.Type, featureNames: [String], classNames: [String]?) -> LoadedDataset<Scalar> {
        let inputs = Matrix<Scalar>(rows: count, columns: featureCount, storage: features.map { Scalar($0) })
        let values = Matrix<Scalar>(column: targets.map { Scalar($0) })
        return LoadedDataset(train: DataSplit(inputs: inputs, targets: values), featureNames: featureNames, classNames: classNames)
    }

    /// `x1`, `x2`, ... for `count` unnamed features.
    public static func featureNames(_ count: Int) -> [String] {
        (0..<count).map { "x\($0 + 1)" }
    }

    /// `0`, `1`, ... for `count` classes.
    public static func classNames(_ count: Int) -> [String] {
        (0..<count).map(String.init)
    }

    /// `total` split into `parts` counts that differ by at most one, the larger
    /// ones first (as sklearn does), so classes are balanced.
    public static func evenShares(of total: Int, into parts: Int) -> [Int] {
        (0..<parts).map { total / parts + ($0 < total % parts ? 1 : 0) }
    }

    /// `count` evenly spaced values from `start` towards `end` (numpy's
    /// linspace): `start + (end - start) * i / (count - 1)` with the end
    /// included, or `/ count` without it.
    public static func evenlySpaced(from start: Double, to end: Double, count: Int, includingEnd: Bool = true) -> [Double] {
        let steps = includingEnd ? count - 1 : count
        guard steps > 0 else { return count > 0 ? [start] : [] }
        return (0..<count).map { start + (end - start) * Double($0) / Double(steps) }
    }

    // Settings that several generators read alike.

    /// `seed` (default 0): a generator's own seed, so every run sees the same data.
    public static func seed(_ settings: Settings) throws -> UInt64 {
        UInt64(try settings.int("seed", default: 0, .nonNegative))
    }

    /// `samples` (default `defaultSamples`) and `classes` (default 3, at least 2, at most `samples`).
    public static func samplesAndClasses(_ settings: Settings, defaultSamples: Int) throws -> (samples: Int, classes: Int) {
        let samples = try settings.int("samples", default: defaultSamples, .count)
        let classes = try settings.int("classes", default: 3, .countFrom(2))
        guard samples >= classes else {
            throw settings.problem("samples", "\(settings.component) needs at least one sample per class (\(classes)), found \(samples)")
        }
        return (samples, classes)
    }

    /// `features`, with samples x features capped at 100 million values held in memory.
    public static func features(_ settings: Settings, default defaultValue: Int, samples: Int) throws -> Int {
        let features = try settings.int("features", default: defaultValue, .count)
        if samples * features > 100_000_000 {
            throw settings.problem("features", "samples x features is \(samples * features) values, more than the 100 million a generated dataset may hold")
        }
        return features
    }

    /// `, seed: N` for a description, or nothing for the default seed 0.
    static func seedSuffix(_ seed: UInt64) -> String {
        seed == 0 ? "" : ", seed: \(seed)"
    }
}
