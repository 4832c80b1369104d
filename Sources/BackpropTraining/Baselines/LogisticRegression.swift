import BackpropComponents

/// L2-regularized logistic regression, the linear baseline of a
/// classification report: scikit-learn's
/// `LogisticRegression(C, penalty="l2", solver="lbfgs", fit_intercept=True)`,
/// which minimizes C Σᵢ ℓᵢ + ½‖W‖² (the intercepts are not penalized).
///
/// As scikit-learn, it models the classes that have training rows: two get
/// one weight vector and a sigmoid (the score is the second class's), three
/// or more a weight vector each and a softmax. The softmax's intercepts are
/// unique only up to a shared constant; they are returned summing to zero,
/// where scikit-learn's lbfgs (starting from zero) also leaves them.
///
/// Fitted in Double whatever the data's precision, by `LBFGS` on
/// `LogisticObjective`, the objective above divided by C n. `tolerance`
/// bounds its largest gradient component, on the same scale as
/// scikit-learn's `tol` (the bound its L-BFGS-B puts on the projected
/// gradient, which without bounds is the gradient). scikit-learn also stops
/// when f decreases by less than 64 ε relatively; this does not, so at equal
/// tolerance it stops at least as close to the optimum.
///
/// Degenerate data gives a defined model, never a stop:
/// - no rows: no trained classes; every class is equally likely and the predicted class is 0;
/// - one class: it is predicted with probability 1;
/// - a constant column or more features than rows: the penalty keeps the optimum unique;
/// - separable classes: the weights grow as C does; the iteration cap ends the fit;
/// - a value that is not finite: the fit stops at its start, not converged.
package enum LogisticRegression {
    /// Fits one C (> 0). `classes` holds each row's class index in
    /// 0..<classCount. `start`, a model fitted on the same rows (another C),
    /// is where the minimizer begins: along a path from strong to weak
    /// regularization (small to large C) each fit starts near its optimum.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package static func fit<Scalar: BLASScalar>(
        inputs: Matrix<Scalar>, classes: [Int], classCount: Int, C: Double, start: Model? = nil,
        maximumIterations: Int, tolerance: Double
    ) -> Model {
        requireShape(inputs.rows == classes.count, "logistic regression: \(inputs.rows) input rows but \(classes.count) classes")
        precondition(C > 0, "logistic regression's C must be > 0, got \(C)")
        var logitOfClass = [Int](repeating: 0, count: classCount)
        var hasRows = [Bool](repeating: false, count: classCount)
        for label in classes {
            requireShape(hasRows.indices.contains(label), "class index \(label) outside 0..<\(classCount)")
            hasRows[label] = true
        }
        let trained = hasRows.indices.filter { hasRows[$0] }
        for (logit, label) in trained.enumerated() { logitOfClass[label] = logit }
        let logits = trained.count == 2 ? 1 : trained.count
        var model = Model(classCount: classCount, trainedClasses: trained, C: C,
                          weights: Matrix(rows: inputs.columns, columns: trained.count < 2 ? 0 : logits),
                          intercepts: Array(repeating: 0, count: trained.count < 2 ? 0 : logits),
                          iterations: 0, stop: .gradientTolerance, gradientMaxAbs: 0)
        guard trained.count >= 2 else { return model }
        if let start {
            requireShape(start.trainedClasses == trained && start.weights.rows == inputs.columns,
                         "logistic regression starts from a model of classes \(start.trainedClasses) and \(start.weights.rows) features; the data has classes \(trained) and \(inputs.columns) features")
            model.weights = start.weights
            model.intercepts = start.intercepts
        }
        var objective = LogisticObjective(inputs: inputs.inDoublePrecision, targets: classes.map { logitOfClass[$0] },
                                          logits: logits, C: C)
        let minimizer = LBFGS(maximumIterations: maximumIterations, tolerance: tolerance)
        let result = minimizer.minimize(from: model.weights.storage + model.intercepts) { objective.evaluate($0, gradient: &$1) }
        (model.weights, model.intercepts) = objective.split(result.point)
        if logits > 1 {
            let mean = model.intercepts.reduce(0, +) / Double(logits)
            model.intercepts = model.intercepts.map { $0 - mean }
        }
        model.iterations = result.iterations
        model.stop = result.stop
        model.gradientMaxAbs = result.gradientMaxAbs
        return model
    }

    /// A model per C, in the order given, each fit starting from the
    /// solution of the next smaller C (from zero for the smallest).
    package static func fit<Scalar: BLASScalar>(
        inputs: Matrix<Scalar>, classes: [Int], classCount: Int, path Cs: [Double],
        maximumIterations: Int, tolerance: Double
    ) -> [Model] {
        let converted = inputs.inDoublePrecision
        var models = [Model?](repeating: nil, count: Cs.count)
        var previous: Model?
        for index in Cs.indices.sorted(by: { Cs[$0] < Cs[$1] }) {
            let model = fit(inputs: converted, classes: classes, classCount: classCount, C: Cs[index], start: previous,
                            maximumIterations: maximumIterations, tolerance: tolerance)
            models[index] = model
            previous = model
        }
        return models.compactMap { $0 }
    }
}
