/// Builds the experiment's model for a run, and checks that the data fits it.
public enum ModelBuilder {
    /// A sanity limit (800 MB of Float64 weights) so a typo in `units` fails fast.
    public static let maximumParameters = 100_000_000

    /// A model from its layer entries; weights are drawn from `random` (the run's seed).
    public static func build<Scalar: BLASScalar>(
        _ entries: [ModelEntry], file: String, inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type = Scalar.self
    ) throws -> Sequential<Scalar> {
        var width = inputSize
        var layers: [any Layer<Scalar>] = []
        var parameters = 0
        for entry in entries {
            let next = entry.spec.outputSize(inputSize: width)
            parameters += width.multipliedReportingOverflow(by: next).overflow ? Int.max / 2 : width * next
            if parameters > maximumParameters {
                throw ExperimentError(file: file, line: entry.line, column: entry.column,
                                      message: "the model would have more than \(maximumParameters) weights up to this layer; it is too large to train here")
            }
            do {
                layers.append(try entry.spec.makeLayer(inputSize: width, random: &random, as: Scalar.self))
            } catch let error as ComponentError {
                throw ExperimentError(file: file, line: entry.line, column: entry.column, message: error.description)
            }
            width = entry.spec.outputSize(inputSize: width)
        }
        return Sequential(inputSize: inputSize, layers: layers)
    }

    /// The model of one run (its own `model:` or the experiment's).
    public static func build<Scalar: BLASScalar>(
        _ plan: ExperimentPlan, run: RunPlan? = nil, inputSize: Int, random: inout RandomGenerator, as scalar: Scalar.Type = Scalar.self
    ) throws -> Sequential<Scalar> {
        try build(run?.model ?? plan.model, file: plan.file, inputSize: inputSize, random: &random)
    }
}

/// How a dataset's targets are given to the loss.
public enum TargetEncoding: Sendable, Equatable {
    /// As loaded: a class index per row, or regression values.
    case asLoaded
    /// Class indices as one-hot rows (MSE or BCE with one output per class).
    case oneHot(classes: Int)

    /// Picks the encoding for `loss` on this data, or explains why they do not fit.
    public static func choose(lossName: String, classNames: [String]?, targetColumns: Int, outputs: Int) throws -> TargetEncoding {
        guard let classNames else {
            if lossName == "softmax_cross_entropy" || lossName.hasPrefix("bce") {
                throw ComponentError("\(lossName) needs class labels, but the dataset is a regression problem (use mse or huber)")
            }
            guard outputs == targetColumns else {
                throw ComponentError("the model gives \(outputs) output(s) but the dataset has \(targetColumns) target column(s): make the last layer dense with units: \(targetColumns)")
            }
            return .asLoaded
        }
        let classes = classNames.count
        if lossName == "softmax_cross_entropy" {
            guard outputs == classes else {
                throw ComponentError("softmax_cross_entropy needs one output per class: the dataset has \(classes) class\(classes == 1 ? "" : "es"), the model gives \(outputs) (set units: \(classes) on the last dense layer)")
            }
            return .asLoaded
        }
        if outputs == 1 && classes == 2 { return .asLoaded }
        if outputs == classes { return .oneHot(classes: classes) }
        throw ComponentError("the dataset has \(classes) classes; with \(lossName) the model needs \(classes == 2 ? "1 output (or 2, one-hot)" : "\(classes) outputs (one-hot)"), it gives \(outputs)")
    }

    public func encode<Scalar: BLASScalar>(_ targets: Matrix<Scalar>) -> Matrix<Scalar> {
        switch self {
        case .asLoaded:
            return targets
        case .oneHot(let classes):
            var encoded = Matrix<Scalar>(rows: targets.rows, columns: classes)
            for row in 0..<targets.rows {
                encoded[row, Int(targets.storage[row])] = 1
            }
            return encoded
        }
    }
}
