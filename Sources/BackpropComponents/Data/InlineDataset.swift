import BackpropCore

/// Samples written in the experiment file itself, for worked examples and
/// exact comparisons: `inline: {inputs: [[2]], targets: [4]}`.
///
/// Targets are one number per sample (or a list per sample for several
/// regression outputs). They are class labels when `task` is `classification`,
/// or, by default, when every target is a whole number >= 0 and there are at
/// most 20 different ones; otherwise regression values.
package struct InlineDataset: Dataset {
    package static let name = "inline"
    package static let summary = "samples written in the file: inputs (list of rows) and targets"
    package let inputs: [[Double]]
    package let targets: [[Double]]
    package let task: String?
    /// Where inputs and targets are written, for numbers the run's precision cannot hold.
    let inputsPosition: ConfigValue
    let targetsPosition: ConfigValue

    package init(settings: Settings) throws {
        inputsPosition = settings.position(of: "inputs")
        targetsPosition = settings.position(of: "targets")
        inputs = try settings.matrix("inputs")
        targets = try settings.inlineTargets("targets")
        task = try settings.optionalChoice("task", ["classification", "regression"])
        guard targets.count == self.inputs.count else {
            throw settings.problem("targets", "inline has \(inputs.count) inputs but \(targets.count) targets")
        }
        guard settings.isDescribing || inputs.first?.isEmpty == false else {
            throw settings.problem("inputs", "inline needs at least one sample with at least one input")
        }
        if let width = targets.first?.count, targets.contains(where: { $0.count != width }) {
            throw settings.problem("targets", "inline targets must all have the same length")
        }
        if task == "classification", let bad = targets.first(where: { $0.count != 1 || !Self.isClassLabel($0[0]) }) {
            throw settings.problem("targets", "inline classification targets are one class number each, 0, 1, 2, ... (below \(Self.labelLimit)); found \(bad.map(formatNumber))")
        }
    }

    /// Class labels are whole numbers from 0 up to (not including) this.
    static let labelLimit = 1_000_000

    static func isClassLabel(_ value: Double) -> Bool {
        value >= 0 && value == value.rounded() && value < Double(labelLimit)
    }

    package var description: String { "inline(\(inputs.count) samples)" }

    /// Whether these targets are class labels, by the rule above.
    var isClassification: Bool {
        if let task { return task == "classification" }
        let values = targets.flatMap { $0 }
        return targets.allSatisfy { $0.count == 1 } && values.allSatisfy(Self.isClassLabel) && Set(values).count <= 20
    }

    package func load<Scalar: BLASScalar>(as scalar: Scalar.Type, context: DatasetContext) throws -> LoadedDataset<Scalar> {
        let width = inputs.first?.count ?? 0
        let targetWidth = targets.first?.count ?? 0
        let features = Matrix<Scalar>(rows: inputs.count, columns: width, storage: inputs.flatMap { $0 }.map { Scalar($0) })
        let values = Matrix<Scalar>(rows: targets.count, columns: targetWidth, storage: targets.flatMap { $0 }.map { Scalar($0) })
        for (matrix, position, what) in [(features, inputsPosition, "inputs"), (values, targetsPosition, "targets")]
        where !matrix.storage.allSatisfy(\.isFinite) {
            throw position.error("inline \(what) hold a number too large for \(Scalar.dtypeName); use dtype: float64")
        }
        let classNames = isClassification
            ? (0...Int(targets.flatMap { $0 }.max() ?? 0)).map(String.init) : nil
        return LoadedDataset(train: DataSplit(inputs: features, targets: values),
                             featureNames: (1...width).map { "x\($0)" }, classNames: classNames)
    }
}
