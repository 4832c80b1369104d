import Foundation
import BackpropTraining

/// Fits an experiment's baselines on its training rows, chooses each one's
/// setting on the validation rows only, and scores every part once:
///
/// - classification: the majority class (scikit-learn's
///   `DummyClassifier(strategy="most_frequent")`) and L2-regularised logistic
///   regression (softmax for three classes or more; `LogisticRegression`);
/// - regression: the training mean (`DummyRegressor`) and ridge regression
///   (`Ridge`, closed form).
///
/// The regularisation (C, or ridge's α) is chosen on the validation set from
/// a log grid — the best validation score, ties to the lower validation
/// loss — and is scikit-learn's default, 1, when there is no validation set.
package enum BaselineFit {
    static let inverseStrengths = [0.001, 0.01, 0.1, 1, 10, 100]
    static let ridgeAlphas = [0.001, 0.01, 0.1, 1, 10, 100, 1000]
    /// Below this many training rows a baseline measures nothing (the
    /// worked example's single row: any mean fits it exactly).
    package static let minimumRows = 10
    /// L-BFGS's budget: enough for the shipped problems to converge; a
    /// fit that stops short says so in its detail.
    static let maximumIterations = 500
    static let tolerance = 1e-5
    /// Past this many rows × features × logits (Fashion-MNIST's 55,000 × 784 × 10
    /// is 4.3e8: about 0.2 s an evaluation), one fit of C = 1 capped at
    /// `largeMaximumIterations` (about 30 s), instead of a search: the
    /// baseline must not cost more than the networks it is a bar for.
    static let searchedWork = 50_000_000.0
    static let largeMaximumIterations = 100
    /// Past this much work, a line on the console says what is being fitted.
    static let announcedWork = 5_000_000.0

    /// rows × features × logits of the logistic fit.
    static func work<Scalar: BLASScalar>(_ data: PreparedData<Scalar>) -> Double {
        let classes = data.classNames?.count ?? 1
        return Double(data.train.count) * Double(data.train.features) * Double(classes > 2 ? classes : 1)
    }

    static func all<Scalar: BLASScalar>(_ data: PreparedData<Scalar>) -> [BaselineResult] {
        guard data.train.count >= minimumRows else { return [] }
        if let classes = data.classNames?.count { return classification(data, classes: classes) }
        return regression(data)
    }

    private static func classification<Scalar: BLASScalar>(_ data: PreparedData<Scalar>, classes: Int) -> [BaselineResult] {
        let labels = data.train.targets.classPerRow()
        func scores(_ predict: (Matrix<Scalar>) -> [Int], on split: DataSplit<Scalar>?) -> BaselineScores? {
            guard let split, split.count > 0 else { return nil }
            let predicted = predict(split.inputs)
            var confusion = Array(repeating: Array(repeating: 0, count: classes), count: classes)
            var correct = 0
            for (truth, guess) in zip(split.targets.classPerRow(), predicted) where confusion.indices.contains(truth) && confusion.indices.contains(guess) {
                confusion[truth][guess] += 1
                if truth == guess { correct += 1 }
            }
            return BaselineScores(accuracy: Double(correct) / Double(split.count), regression: nil, confusion: confusion)
        }
        func result(_ name: String, _ kind: BaselineResult.Kind, _ detail: String, _ predict: (Matrix<Scalar>) -> [Int]) -> BaselineResult {
            BaselineResult(name: name, kind: kind, detail: detail, training: scores(predict, on: data.train) ?? BaselineScores(),
                           validation: scores(predict, on: data.validation), test: scores(predict, on: data.test))
        }
        let majority = MajorityClass(classes: labels, classCount: classes)
        let name = Set(labels).count > 2 ? "softmax regression" : "logistic regression"
        let large = work(data) > searchedWork
        let searches = data.validation != nil && !large
        let candidates: [LogisticRegression.Model]
        if searches {
            candidates = LogisticRegression.fit(inputs: data.train.inputs, classes: labels, classCount: classes, path: inverseStrengths,
                                                maximumIterations: maximumIterations, tolerance: tolerance)
        } else {
            candidates = [LogisticRegression.fit(inputs: data.train.inputs, classes: labels, classCount: classes, C: 1,
                                                 maximumIterations: large ? largeMaximumIterations : maximumIterations, tolerance: tolerance)]
        }
        let linear = choose(candidates, on: data.validation) { model, validation in
            let accuracy = scores(model.predictClasses, on: validation)?.accuracy ?? 0
            return (-accuracy, logLoss(model.probabilities(validation.inputs), validation.targets.classPerRow()))
        }
        var detail = "L2, C = \(formatNumber(linear.C))"
        detail += large ? ", scikit-learn's default: the data is too large to search here" : setting(chosenFrom: inverseStrengths, hasValidation: searches)
        if !linear.converged { detail += "; stopped after \(linear.iterations) iterations, not converged" }
        return [result("majority class", .trivial, "always '\(className(majority.majorityClass, data))', the commonest training class", majority.predictClasses),
                result(name, .linear, detail, linear.predictClasses)]
    }

    private static func regression<Scalar: BLASScalar>(_ data: PreparedData<Scalar>) -> [BaselineResult] {
        func scores(_ predict: (Matrix<Scalar>) -> Matrix<Double>, on split: DataSplit<Scalar>?) -> BaselineScores? {
            guard let split, split.count > 0 else { return nil }
            var sums = RegressionSums(columns: split.targets.columns)
            sums.add(prediction: predict(split.inputs), target: split.targets.converted(to: Double.self), scaling: data.targetScaling)
            return BaselineScores(accuracy: nil, regression: sums.scores, confusion: nil)
        }
        func result(_ name: String, _ kind: BaselineResult.Kind, _ detail: String, _ predict: (Matrix<Scalar>) -> Matrix<Double>) -> BaselineResult {
            BaselineResult(name: name, kind: kind, detail: detail, training: scores(predict, on: data.train) ?? BaselineScores(),
                           validation: scores(predict, on: data.validation), test: scores(predict, on: data.test))
        }
        let mean = MeanPredictor(targets: data.train.targets)
        let path = RidgeRegression(inputs: data.train.inputs, targets: data.train.targets)
        let candidates = (data.validation == nil ? [1] : ridgeAlphas).map(path.model)
        let ridge = choose(candidates, on: data.validation) { model, validation in
            (scores(model.predict, on: validation)?.regression?.rmse ?? .infinity, 0)
        }
        let detail = "α = \(formatNumber(ridge.alpha))" + setting(chosenFrom: ridgeAlphas, hasValidation: data.validation != nil)
        return [result("mean", .trivial, "always the training targets' mean", mean.predict),
                result("ridge regression", .linear, detail, ridge.predict)]
    }

    /// The candidate with the lowest (score, tie-break) on the validation
    /// rows; the first (the only one) without them.
    private static func choose<Model, Scalar: BLASScalar>(_ candidates: [Model], on validation: DataSplit<Scalar>?,
                                                         by measure: (Model, DataSplit<Scalar>) -> (Double, Double)) -> Model {
        guard let validation, validation.count > 0, candidates.count > 1 else { return candidates[0] }
        let measured = candidates.map { (model: $0, value: measure($0, validation)) }
        return measured.min { $0.value < $1.value }?.model ?? candidates[0]
    }

    private static func setting(chosenFrom grid: [Double], hasValidation: Bool) -> String {
        hasValidation
            ? ", chosen on the validation set from \(grid.map(formatNumber).joined(separator: ", "))"
            : ", scikit-learn's default: no validation set to choose on"
    }

    /// Mean cross-entropy of the true classes' probabilities (clipped, as scikit-learn's log_loss).
    private static func logLoss(_ probabilities: Matrix<Double>, _ classes: [Int]) -> Double {
        guard !classes.isEmpty else { return 0 }
        let total = classes.enumerated().reduce(0.0) { sum, row in
            let probability = probabilities.columns > row.element ? probabilities[row.offset, row.element] : 0
            return sum - Foundation.log(max(probability, 1e-15))
        }
        return total / Double(classes.count)
    }

    private static func className<Scalar: BLASScalar>(_ index: Int, _ data: PreparedData<Scalar>) -> String {
        guard let names = data.classNames, names.indices.contains(index) else { return "\(index)" }
        return names[index]
    }
}
