/// Samples written in the experiment file itself, for worked examples and
/// exact comparisons: `inline: {inputs: [[2]], targets: [4]}`.
///
/// Targets are one number per sample (or a list per sample for several
/// regression outputs). They are class labels when `task` is `classification`,
/// or, by default, when every target is a whole number >= 0 and there are at
/// most 20 different ones; otherwise regression values.
public struct InlineDataset: Dataset {
    public var inputs: [[Double]]
    public var targets: [[Double]]
    public var task: String?

    public init(inputs: [[Double]], targets: [[Double]], task: String? = nil) {
        self.inputs = inputs
        self.targets = targets
        self.task = task
    }

    public var description: String { "inline(\(inputs.count) samples)" }

    /// Whether these targets are class labels, by the rule above.
    var isClassification: Bool {
        if let task { return task == "classification" }
        let values = targets.flatMap { $0 }
        return targets.allSatisfy { $0.count == 1 }
            && values.allSatisfy { $0 >= 0 && $0 == $0.rounded() && $0 < 1_000_000 }
            && Set(values).count <= 20
    }

    public func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        let width = inputs.first?.count ?? 0
        let targetWidth = targets.first?.count ?? 0
        guard !inputs.isEmpty, inputs.count == targets.count else {
            throw DataError(file: "inline", message: "inline data needs as many targets as inputs (\(inputs.count) inputs, \(targets.count) targets)")
        }
        guard width > 0, inputs.allSatisfy({ $0.count == width }), targets.allSatisfy({ $0.count == targetWidth }) else {
            throw DataError(file: "inline", message: "inline inputs (and targets) must all have the same length")
        }
        let features = Matrix<Scalar>(rows: inputs.count, columns: width, storage: inputs.flatMap { $0 }.map { Scalar($0) })
        let values = Matrix<Scalar>(rows: targets.count, columns: targetWidth, storage: targets.flatMap { $0 }.map { Scalar($0) })
        let classNames = isClassification
            ? (0...Int(targets.flatMap { $0 }.max() ?? 0)).map(String.init) : nil
        return LoadedDataset(train: DataSplit(inputs: features, targets: values),
                             featureNames: (1...width).map { "x\($0)" }, classNames: classNames)
    }
}
