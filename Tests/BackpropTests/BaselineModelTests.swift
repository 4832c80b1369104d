import Foundation
import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

/// The baselines against scikit-learn (baselines.json, from
/// scripts/baseline_fixtures.py): the data is in the fixture, standardized
/// and rounded as the script fitted it.
///
/// Tolerances, each relative to the largest expected value of the vector
/// compared (so components near zero are judged on the vector's scale):
/// - Ridge, 1e-8: a closed form on both sides, differing only by rounding in
///   two factorizations of the same well-conditioned system (measured: 1e-14).
/// - Logistic regression against scikit-learn's lbfgs, 1e-5: the optimum is
///   unique (the penalty makes the objective strictly convex) but both reach
///   it iteratively, and scikit-learn's L-BFGS-B also stops when f decreases
///   by less than 64 ε relatively, here with its gradient still up to 2e-8
///   (`gradient_max_abs`); with the Hessian's smallest eigenvalue near
///   1/(C n) that leaves its coefficients up to 4e-6 from the optimum.
/// - Logistic regression against the optimum, 1e-8: scikit-learn's Newton
///   solver ends with its gradient near 1e-16 and these fits at 1e-12
///   (measured: 3e-10).
@Suite struct BaselineModelTests {
    /// The fixture's cases, checked first so a shortened fixture fails.
    static let ridgeCases = 12, logisticCases = 12, dummyCases = 6
    static let ridgeTolerance = 1e-8, logisticTolerance = 1e-5, optimumTolerance = 1e-8
    /// The fits' gradient tolerance, on scikit-learn's scale (LogisticObjective).
    static let logisticFitTolerance = 1e-12

    struct Dataset {
        var trainInputs: Matrix<Double>
        var trainTargets: [Any]
        var testInputs: Matrix<Double>
        var testTargets: [Any]

        var trainClasses: [Int] { doubles(trainTargets).map { Int($0) } }
        var testClasses: [Int] { doubles(testTargets).map { Int($0) } }
        var trainTargetMatrix: Matrix<Double> { matrix(trainTargets) }
        var testTargetMatrix: Matrix<Double> { matrix(testTargets) }
        var classCount: Int { ((trainClasses + testClasses).max() ?? -1) + 1 }
    }

    static func dataset(_ name: Any?) throws -> Dataset {
        let sets = try #require(try loadFixture("baselines")["datasets"] as? [String: Any])
        let key = try #require(name as? String)
        let data = try #require(sets[key] as? [String: Any])
        return Dataset(trainInputs: matrix(data["train_x"]), trainTargets: try #require(data["train_y"] as? [Any]),
                       testInputs: matrix(data["test_x"]), testTargets: try #require(data["test_y"] as? [Any]))
    }

    /// scikit-learn's coef_ (outputs × features) as this code's weights (features × outputs).
    static func weights(fromCoefficients value: Any?) -> [Double] {
        let coefficients = matrix(value)
        return (0..<coefficients.columns).flatMap { feature in (0..<coefficients.rows).map { coefficients[$0, feature] } }
    }

    /// Relative closeness with a floor of `tolerance` times the largest expected value, so
    /// components near zero are judged on the vector's scale.
    static func expectCloseOnScale(_ actual: [Double], _ expected: [Double], relative tolerance: Double, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let scale = expected.reduce(0) { max($0, abs($1)) }
        expectClose(actual, expected, relative: tolerance, absoluteFloor: tolerance * scale, what,
                                  sourceLocation: sourceLocation)
    }

    static func r2(_ prediction: Matrix<Double>, _ target: Matrix<Double>) -> Double {
        var sums = RegressionSums(columns: target.columns)
        sums.add(prediction: prediction, target: target, scaling: nil)
        return sums.scores.r2
    }

    @Test func fixtureHoldsEveryCase() throws {
        #expect(try fixtureCases("baselines", key: "ridge").count == Self.ridgeCases)
        #expect(try fixtureCases("baselines", key: "logistic").count == Self.logisticCases)
        #expect(try fixtureCases("baselines", key: "dummy").count == Self.dummyCases)
    }

    // MARK: Ridge

    /// Every alpha of a dataset from one decomposition, against Ridge(alpha) fitted one by one.
    @Test(arguments: ["diabetes", "linnerud", "diabetes_8_rows"])
    func ridgePathMatchesScikitLearn(datasetName: String) throws {
        let cases = try fixtureCases("baselines", key: "ridge").filter { $0["dataset"] as? String == datasetName }
        #expect(!cases.isEmpty)
        let data = try Self.dataset(datasetName)
        let models = RidgeRegression.fit(inputs: data.trainInputs, targets: data.trainTargetMatrix,
                                         alphas: cases.map { ($0["alpha"] as? Double) ?? .nan })
        for (model, reference) in zip(models, cases) {
            let label = "\(datasetName) alpha \(model.alpha)"
            Self.expectCloseOnScale(model.weights.storage, Self.weights(fromCoefficients: reference["coef"]),
                             relative: Self.ridgeTolerance, label + " weights")
            Self.expectCloseOnScale(model.intercepts, doubles(reference["intercept"]), relative: Self.ridgeTolerance, label + " intercepts")
            let prediction = model.predict(data.testInputs)
            Self.expectCloseOnScale(prediction.storage, matrix(reference["test_predictions"]).storage,
                             relative: Self.ridgeTolerance, label + " predictions")
            let r2 = try #require(reference["test_r2"] as? Double)
            #expect(isClose(Self.r2(prediction, data.testTargetMatrix), r2, relative: Self.ridgeTolerance), "\(label) R²")
        }
    }

    /// Float data is fitted in Double: the same model as its values converted first.
    @Test func ridgeFitsFloatDataInDouble() throws {
        let data = try Self.dataset("diabetes")
        let inputs = data.trainInputs.converted(to: Float.self), targets = data.trainTargetMatrix.converted(to: Float.self)
        let fromFloat = RidgeRegression(inputs: inputs, targets: targets).model(alpha: 1)
        let fromDouble = RidgeRegression(inputs: inputs.converted(to: Double.self), targets: targets.converted(to: Double.self)).model(alpha: 1)
        #expect(fromFloat == fromDouble)
        #expect(fromFloat.predict(data.testInputs.converted(to: Float.self)) == fromDouble.predict(data.testInputs.converted(to: Float.self)))
    }

    @Test func ridgeOnDegenerateData() {
        // No rows: zero weights, zero intercept.
        let empty = RidgeRegression(inputs: Matrix<Double>(rows: 0, columns: 3), targets: Matrix<Double>(rows: 0, columns: 2)).model(alpha: 1)
        #expect(empty.weights == Matrix(rows: 3, columns: 2) && empty.intercepts == [0, 0])
        // One row: the row's targets, whatever the alpha.
        let one = RidgeRegression(inputs: Matrix([[1.0, 2]]), targets: Matrix([[5.0]])).model(alpha: 0)
        #expect(one.weights == Matrix(rows: 2, columns: 1) && one.intercepts == [5])
        // No features: the mean.
        let none = RidgeRegression(inputs: Matrix<Double>(rows: 2, columns: 0), targets: Matrix(column: [1.0, 3])).model(alpha: 1)
        #expect(none.intercepts == [2] && none.predict(Matrix<Double>(rows: 1, columns: 0)) == Matrix([[2.0]]))
        // A constant column gets no weight; the others fit as without it.
        let x = Matrix([[1.0, 7, 2], [2, 7, 1], [3, 7, 5], [4, 7, 3]]), y = Matrix(column: [1.0, 2, 2, 5])
        let withConstant = RidgeRegression(inputs: x, targets: y).model(alpha: 0.5)
        let without = RidgeRegression(inputs: Matrix(x.nestedRows.map { [$0[0], $0[2]] }), targets: y).model(alpha: 0.5)
        #expect(abs(withConstant.weights[1, 0]) < 1e-14)
        expectClose([withConstant.weights[0, 0], withConstant.weights[2, 0]], without.weights.storage, relative: 1e-12, "constant column")
        // More features than rows with alpha 0: the minimum-norm interpolation.
        let wide = Matrix([[1.0, 0, 2, 1], [0, 1, 1, 3], [2, 1, 0, 0]]), targets = Matrix(column: [1.0, -1, 2])
        let interpolating = RidgeRegression(inputs: wide, targets: targets).model(alpha: 0)
        expectClose(interpolating.predict(wide).storage, targets.storage, relative: 1e-12, "n < d, alpha 0")
        // alpha → ∞: the mean predictor.
        let infinite = RidgeRegression(inputs: wide, targets: targets).model(alpha: .infinity)
        #expect(infinite.predict(wide).storage == Array(repeating: 2.0 / 3, count: 3))
        // A NaN: NaN weights, no stop.
        let poisoned = RidgeRegression(inputs: Matrix([[1.0, .nan], [2, 1]]), targets: Matrix(column: [1.0, 2])).model(alpha: 1)
        #expect(poisoned.weights.storage.allSatisfy { $0.isNaN })
    }

    // MARK: Logistic regression

    static func expectMatches(_ model: LogisticRegression.Model, _ reference: [String: Any], _ data: Dataset, _ label: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(model.converged, "\(label): \(model.stop.rawValue) after \(model.iterations) iterations, gradient \(model.gradientMaxAbs)",
                sourceLocation: sourceLocation)
        #expect(model.trainedClasses == doubles(reference["classes"]).map { Int($0) }, "\(label) classes", sourceLocation: sourceLocation)
        expectCloseOnScale(model.weights.storage, weights(fromCoefficients: reference["coef"]), relative: logisticTolerance,
                    label + " weights", sourceLocation: sourceLocation)
        expectCloseOnScale(model.intercepts, doubles(reference["intercept"]), relative: logisticTolerance, label + " intercepts",
                    sourceLocation: sourceLocation)
        expectCloseOnScale(model.weights.storage, weights(fromCoefficients: reference["optimum_coef"]), relative: optimumTolerance,
                    label + " weights at the optimum", sourceLocation: sourceLocation)
        expectCloseOnScale(model.intercepts, doubles(reference["optimum_intercept"]), relative: optimumTolerance,
                    label + " intercepts at the optimum", sourceLocation: sourceLocation)
        let predicted = model.predictClasses(data.testInputs)
        #expect(predicted == doubles(reference["test_predictions"]).map { Int($0) }, "\(label) predictions", sourceLocation: sourceLocation)
        let correct = zip(predicted, data.testClasses).filter { $0 == $1 }.count
        #expect(correct == reference["test_correct"] as? Int, "\(label) correct test rows", sourceLocation: sourceLocation)
        // scikit-learn's probabilities hold its trained classes only; here every class has a column.
        let classes = model.trainedClasses
        let probabilities = model.probabilities(data.testInputs)
        let trainedColumns = (0..<probabilities.rows).flatMap { row in classes.map { probabilities[row, $0] } }
        expectCloseOnScale(trainedColumns, matrix(reference["test_probabilities"]).storage, relative: logisticTolerance,
                    label + " probabilities", sourceLocation: sourceLocation)
        let untrained = (0..<model.classCount).filter { !classes.contains($0) }
        #expect((0..<probabilities.rows).allSatisfy { row in untrained.allSatisfy { probabilities[row, $0] == 0 } },
                "\(label): a class without training rows has probability 0", sourceLocation: sourceLocation)
    }

    @Test(arguments: 0..<logisticCases)
    func logisticRegressionMatchesScikitLearn(caseIndex: Int) throws {
        let reference = try fixtureCases("baselines", key: "logistic")[caseIndex]
        let data = try Self.dataset(reference["dataset"])
        let C = try #require(reference["C"] as? Double)
        let model = LogisticRegression.fit(inputs: data.trainInputs, classes: data.trainClasses, classCount: data.classCount,
                                           C: C, maximumIterations: 10_000, tolerance: Self.logisticFitTolerance)
        Self.expectMatches(model, reference, data, "\(reference["dataset"]!) C \(C)")
    }

    /// A path from strong to weak regularization, each fit warm-started from
    /// the last, reaches the same optima as scikit-learn's cold fits; a fit
    /// started at its own optimum takes no step.
    @Test(arguments: ["breast_cancer", "iris", "wine", "iris_without_class_0"])
    func logisticPathWithWarmStartsMatchesScikitLearn(datasetName: String) throws {
        let cases = try fixtureCases("baselines", key: "logistic").filter { $0["dataset"] as? String == datasetName }
        #expect(!cases.isEmpty)
        let data = try Self.dataset(datasetName)
        let Cs = cases.map { ($0["C"] as? Double) ?? .nan }.reversed() as [Double]
        let models = LogisticRegression.fit(inputs: data.trainInputs, classes: data.trainClasses, classCount: data.classCount, path: Cs,
                                            maximumIterations: 10_000, tolerance: Self.logisticFitTolerance)
        #expect(models.map(\.C) == Cs)
        for (model, reference) in zip(models, cases.reversed()) {
            Self.expectMatches(model, reference, data, "\(datasetName) path, C \(model.C)")
        }
        for model in models {
            let again = LogisticRegression.fit(inputs: data.trainInputs, classes: data.trainClasses, classCount: data.classCount,
                                               C: model.C, start: model, maximumIterations: 10_000, tolerance: Self.logisticFitTolerance)
            #expect(again.iterations == 0 && again.weights == model.weights, "\(datasetName) C \(model.C) restarted at its optimum")
        }
    }

    @Test func logisticRegressionOnDegenerateData() {
        let x = Matrix([[1.0, 5, 0], [2, 5, 1], [0, 5, 1], [3, 5, 0], [1, 5, 2]])
        // No rows: every class equally likely, class 0 predicted.
        let empty = LogisticRegression.fit(inputs: Matrix<Double>(rows: 0, columns: 3), classes: [], classCount: 4, C: 1,
                                           maximumIterations: 100, tolerance: 1e-8)
        #expect(empty.trainedClasses.isEmpty && empty.predictClasses(x) == Array(repeating: 0, count: 5))
        #expect(empty.probabilities(x).storage.allSatisfy { $0 == 0.25 })
        // One class: predicted with probability 1.
        let single = LogisticRegression.fit(inputs: x, classes: Array(repeating: 2, count: 5), classCount: 3, C: 1,
                                            maximumIterations: 100, tolerance: 1e-8)
        #expect(single.predictClasses(x) == Array(repeating: 2, count: 5) && single.probabilities(x)[0, 2] == 1)
        // A constant column takes no weight from the data: the penalty leaves it at zero.
        let labels = [0, 1, 0, 1, 2]
        let constant = LogisticRegression.fit(inputs: x, classes: labels, classCount: 3, C: 1, maximumIterations: 1000, tolerance: 1e-10)
        #expect(constant.converged)
        #expect((0..<3).allSatisfy { abs(constant.weights[1, $0]) < 1e-9 }, "\(constant.weights)")
        // More features than rows, binary: a unique optimum, reached.
        let wide = Matrix([[1.0, 0, 2, 1, 0], [0, 1, 1, 3, 1], [2, 1, 0, 0, 1]])
        let fitted = LogisticRegression.fit(inputs: wide, classes: [0, 1, 1], classCount: 2, C: 10, maximumIterations: 1000, tolerance: 1e-10)
        #expect(fitted.converged && fitted.weights.columns == 1 && fitted.predictClasses(wide) == [0, 1, 1])
        // A NaN: not converged, no stop.
        var poisoned = x
        poisoned[0, 0] = .nan
        let stopped = LogisticRegression.fit(inputs: poisoned, classes: labels, classCount: 3, C: 1, maximumIterations: 100, tolerance: 1e-8)
        #expect(!stopped.converged && stopped.iterations == 0)
    }

    /// The minimizer alone: Rosenbrock's valley to its minimum at (1, 1), and
    /// a function without a minimum ends without hanging.
    @Test func lbfgsMinimizesRosenbrockAndStopsOnUnboundedFunctions() {
        let minimizer = LBFGS(maximumIterations: 1000, tolerance: 1e-10)
        let rosenbrock = minimizer.minimize(from: [-1.2, 1]) { x, gradient in
            let (a, b) = (x[0], x[1])
            gradient[0] = -2 * (1 - a) - 400 * a * (b - a * a)
            gradient[1] = 200 * (b - a * a)
            return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a)
        }
        #expect(rosenbrock.converged && rosenbrock.iterations < 100, "\(rosenbrock.stop) after \(rosenbrock.iterations)")
        expectClose(rosenbrock.point, [1, 1], relative: 1e-8, "Rosenbrock minimum")
        let unbounded = minimizer.minimize(from: [0]) { x, gradient in
            gradient[0] = -1
            return -x[0]
        }
        #expect(!unbounded.converged && unbounded.stop == .noProgress)
        let capped = LBFGS(maximumIterations: 3, tolerance: 0).minimize(from: [-1.2, 1]) { x, gradient in
            gradient[0] = 4 * x[0] * x[0] * x[0]
            gradient[1] = 2 * x[1]
            return pow(x[0], 4) + x[1] * x[1]
        }
        #expect(capped.stop == .iterationLimit && capped.iterations == 3)
    }

    // MARK: Trivial baselines

    @Test func dummyBaselinesMatchScikitLearn() throws {
        for reference in try fixtureCases("baselines", key: "dummy") {
            let name = try #require(reference["dataset"] as? String)
            let data = try Self.dataset(name)
            if reference["kind"] as? String == "most_frequent" {
                let baseline = MajorityClass(classes: data.trainClasses, classCount: data.classCount)
                #expect(baseline.majorityClass == reference["prediction"] as? Int, "\(name) majority class")
                let predicted = baseline.predictClasses(data.testInputs)
                let correct = zip(predicted, data.testClasses).filter { $0 == $1 }.count
                #expect(correct == reference["test_correct"] as? Int, "\(name) correct test rows")
            } else {
                let baseline = MeanPredictor(targets: data.trainTargetMatrix)
                expectClose(baseline.means, doubles(reference["prediction"]), relative: 1e-12, "\(name) means")
                let r2 = try #require(reference["test_r2"] as? Double)
                #expect(isClose(Self.r2(baseline.predict(data.testInputs), data.testTargetMatrix), r2, relative: 1e-10), "\(name) R²")
            }
        }
    }

    @Test func dummyBaselinesOnDegenerateData() {
        // A tie goes to the lowest class index, as scikit-learn's argmax.
        #expect(MajorityClass(classes: [2, 1, 2, 1, 0], classCount: 3).majorityClass == 1)
        #expect(MajorityClass(classes: [], classCount: 3).majorityClass == 0)
        #expect(MajorityClass(classes: [1, 1, 0, 1], classCount: 3).classFrequencies == [0.25, 0.75, 0])
        #expect(MeanPredictor(targets: Matrix<Double>(rows: 0, columns: 2)).means == [0, 0])
        #expect(MeanPredictor(targets: Matrix([[1.0, 2], [3, 6]])).predict(Matrix<Double>(rows: 2, columns: 5)) == Matrix([[2.0, 4], [2, 4]]))
    }
}
