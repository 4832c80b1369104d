import BackpropTraining

/// How a dataset's targets are given to the loss, as the loss's `targets` says.
package enum TargetEncoding: Sendable, Equatable {
    /// As loaded: a class index per row, or regression values.
    case asLoaded
    /// Class indices as one-hot rows (one output per class for MSE or BCE).
    case oneHot(classes: Int)

    /// Picks the encoding for `loss` on this data, or explains why they do not fit.
    package static func choose(loss: any Loss, classNames: [String]?, targetColumns: Int, outputs: Int) throws -> TargetEncoding {
        let name = type(of: loss).name
        guard let classNames else {
            if loss.targets.needsClasses {
                throw ComponentError("\(name) needs class labels, but the dataset is a regression problem (use mse or huber)")
            }
            guard outputs == targetColumns else {
                throw ComponentError("the model gives \(outputs) output(s) but the dataset has \(targetColumns) target column(s): make the last layer dense with units: \(targetColumns)")
            }
            return .asLoaded
        }
        let classes = classNames.count
        guard classes >= 2 else {
            // No number of outputs fits: the advice is about the data, not the model.
            throw ComponentError("the dataset has only one class ('\(classNames.first ?? "")'): a classifier needs at least 2; check the target column (or use a regression loss on numeric targets)")
        }
        if loss.targets == .classIndices {
            guard outputs == classes else {
                throw ComponentError("\(name) needs one output per class: the dataset has \(classes) class\(classes == 1 ? "" : "es"), the model gives \(outputs) (set units: \(classes) on the last dense layer)")
            }
            return .asLoaded
        }
        if outputs == 1 && classes == 2 { return .asLoaded }
        if outputs == classes { return .oneHot(classes: classes) }
        throw ComponentError("the dataset has \(classes) classes; with \(name) the model needs \(classes == 2 ? "1 output (or 2, one-hot)" : "\(classes) outputs (one-hot)"), it gives \(outputs)")
    }

    package func encode<Scalar: BLASScalar>(_ targets: Matrix<Scalar>) -> Matrix<Scalar> {
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
