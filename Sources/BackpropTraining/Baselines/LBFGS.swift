import CBLAS
import BackpropComponents

/// Limited-memory BFGS (Nocedal & Wright, *Numerical Optimization*, 2nd ed.,
/// Algorithm 7.5): minimizes a smooth function of a vector of Doubles from
/// its values and gradients, for the baselines whose optimum has no closed
/// form (logistic regression). Any objective can use it.
///
/// Each step's direction is −H∇f by the two-loop recursion over the last
/// `memory` pairs (s, y) of steps and gradient changes, with the initial
/// inverse Hessian γI, γ = sᵀy / yᵀy of the latest pair. Without pairs (the
/// first step, or after a reset) the direction is −∇f and the first trial
/// moves a distance of at most 1.
///
/// The line search (Algorithms 3.5 and 3.6, cubic interpolation) ends on a
/// step satisfying the strong Wolfe conditions, c₁ = 10⁻⁴ and c₂ = 0.9:
///
///     f(x + αp) ≤ f(x) + c₁ α ∇f·p        |∇f(x + αp)·p| ≤ c₂ |∇f·p|
///
/// Near the optimum a decrease can be smaller than the rounding of f, and the
/// first condition fails by noise. So a step also counts as decreasing when
/// f rose by no more than 10⁻¹⁰·|f| and the slope satisfies Hager & Zhang's
/// approximate Wolfe condition ∇f(x + αp)·p ≤ (2c₁ − 1) ∇f·p (SIAM J. Optim.
/// 16, 2005), which for a quadratic is the first condition read from
/// slopes, which stay accurate where values do not.
///
/// It stops when the largest |∂f/∂xᵢ| is at most `tolerance` (converged),
/// after `maximumIterations` steps, or when no step along a steepest-descent
/// direction decreases f within 50 evaluations (not finite, or at the limit
/// of precision above the tolerance).
package struct LBFGS: Sendable {
    /// Pairs (s, y) kept: 10, as scikit-learn's lbfgs solver.
    package var memory = 10
    package var maximumIterations: Int
    /// On the largest gradient component, in the objective's own units.
    package var tolerance: Double
    /// Function evaluations one line search may spend (scikit-learn's maxls).
    package var maximumLineSearchEvaluations = 50

    static let sufficientDecrease = 1e-4, curvature = 0.9
    /// How far f may rise, relative to |f|, for a step the slopes accept.
    static let valueNoise = 1e-10

    package enum Stop: String, Sendable {
        case gradientTolerance = "gradient within tolerance"
        case iterationLimit = "iteration limit"
        case noProgress = "no decreasing step"
    }

    package struct Result: Sendable {
        package var point: [Double]
        package var value: Double
        package var gradientMaxAbs: Double
        package var iterations: Int
        package var evaluations: Int
        package var stop: Stop
        package var converged: Bool { stop == .gradientTolerance }
    }

    package init(maximumIterations: Int, tolerance: Double) {
        self.maximumIterations = maximumIterations
        self.tolerance = tolerance
    }

    /// Minimizes from `start`. `objective(x, &gradient)` returns f(x) and
    /// writes ∇f(x) into `gradient` (sized like x).
    package func minimize(from start: [Double], _ objective: ([Double], inout [Double]) -> Double) -> Result {
        // The line search keeps the objective only while this call runs.
        withoutActuallyEscaping(objective) { minimize(from: start, keeping: $0) }
    }

    private func minimize(from start: [Double], keeping objective: @escaping ([Double], inout [Double]) -> Double) -> Result {
        var point = start
        var gradient = [Double](repeating: 0, count: start.count)
        var search = LineSearch(settings: self, objective: objective)
        var value = objective(point, &gradient)
        search.evaluations = 1
        var pairs = CurvaturePairs(memory: memory)
        var iterations = 0
        while true {
            let largest = maxAbs(gradient)
            guard value.isFinite, largest.isFinite else { return result(.noProgress) }
            if largest <= tolerance { return result(.gradientTolerance) }
            if iterations >= maximumIterations { return result(.iterationLimit) }
            var direction = pairs.direction(gradient)
            var slope = dot(gradient, direction)
            if !(slope < 0) {
                // Not a descent direction (rounding in the pairs): start again from steepest descent.
                pairs.removeAll()
                direction = pairs.direction(gradient)
                slope = dot(gradient, direction)
            }
            let firstStep = pairs.isEmpty ? min(1, 1 / dot(gradient, gradient).squareRoot()) : 1
            guard let step = search.run(from: point, value: value, slope: slope, direction: direction, initialStep: firstStep) else {
                if pairs.isEmpty { return result(.noProgress) }
                pairs.removeAll()
                continue
            }
            pairs.append(step: zip(step.point, point).map { $0 - $1 }, gradientChange: zip(step.gradient, gradient).map { $0 - $1 })
            (point, value, gradient) = (step.point, step.value, step.gradient)
            iterations += 1
        }

        func result(_ stop: Stop) -> Result {
            Result(point: point, value: value, gradientMaxAbs: maxAbs(gradient), iterations: iterations,
                   evaluations: search.evaluations, stop: stop)
        }
    }
}

/// The last pairs of steps s and gradient changes y, from which the two-loop
/// recursion applies the inverse-Hessian approximation.
private struct CurvaturePairs {
    let memory: Int
    private var steps: [[Double]] = []
    private var changes: [[Double]] = []
    private var curvatures: [Double] = []

    package init(memory: Int) { self.memory = max(memory, 1) }

    var isEmpty: Bool { steps.isEmpty }

    mutating func removeAll() {
        steps.removeAll()
        changes.removeAll()
        curvatures.removeAll()
    }

    /// Keeps the pair when sᵀy > 0 (the strong Wolfe step guarantees it
    /// unless rounding intervenes), dropping the oldest beyond `memory`.
    mutating func append(step: [Double], gradientChange: [Double]) {
        let curvature = dot(step, gradientChange)
        guard curvature > 0, curvature.isFinite else { return }
        if steps.count == memory {
            steps.removeFirst()
            changes.removeFirst()
            curvatures.removeFirst()
        }
        steps.append(step)
        changes.append(gradientChange)
        curvatures.append(curvature)
    }

    /// −H ∇f by the two-loop recursion (Nocedal & Wright, Algorithm 7.4).
    func direction(_ gradient: [Double]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for index in steps.indices.reversed() {
            alphas[index] = dot(steps[index], q) / curvatures[index]
            axpy(-alphas[index], changes[index], &q)
        }
        if let last = changes.last, let curvature = curvatures.last {
            scale(&q, by: curvature / dot(last, last))
        }
        for index in steps.indices {
            let beta = dot(changes[index], q) / curvatures[index]
            axpy(alphas[index] - beta, steps[index], &q)
        }
        scale(&q, by: -1)
        return q
    }
}

/// The strong Wolfe line search of Nocedal & Wright (Algorithms 3.5 and 3.6).
private struct LineSearch {
    /// A point the search evaluated.
    struct Trial {
        var step: Double
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var slope: Double
    }

    let settings: LBFGS
    let objective: ([Double], inout [Double]) -> Double
    var evaluations = 0

    package init(settings: LBFGS, objective: @escaping ([Double], inout [Double]) -> Double) {
        self.settings = settings
        self.objective = objective
    }

    /// A step along `direction` meeting the conditions, or nil when none was found.
    mutating func run(from start: [Double], value: Double, slope: Double, direction: [Double], initialStep: Double) -> Trial? {
        let origin = Trial(step: 0, point: start, value: value, gradient: [], slope: slope)
        var budget = settings.maximumLineSearchEvaluations
        var previous = origin
        var step = initialStep
        while budget > 0 {
            budget -= 1
            let trial = evaluate(origin, direction, step)
            if !decreases(trial, from: origin) || (previous.step > 0 && trial.value > previous.value + noise(origin)) {
                return zoom(origin, direction, low: previous, high: trial, budget: budget)
            }
            if abs(trial.slope) <= -LBFGS.curvature * origin.slope { return trial }
            if trial.slope >= 0 { return zoom(origin, direction, low: trial, high: previous, budget: budget) }
            previous = trial
            step *= 2
        }
        return nil
    }

    /// Narrows [low, high], which holds a step meeting the conditions; `low`
    /// is the lowest point so far and satisfies the decrease condition.
    private mutating func zoom(_ origin: Trial, _ direction: [Double], low: Trial, high: Trial, budget: Int) -> Trial? {
        var low = low, high = high
        for _ in 0..<budget {
            let step = interpolate(low, high)
            let trial = evaluate(origin, direction, step)
            if !decreases(trial, from: origin) || trial.value > low.value + noise(origin) {
                high = trial
            } else {
                if abs(trial.slope) <= -LBFGS.curvature * origin.slope { return trial }
                if trial.slope * (high.step - low.step) >= 0 { high = low }
                low = trial
            }
        }
        return nil
    }

    /// The sufficient decrease condition, or its slope form within the rounding of f.
    private func decreases(_ trial: Trial, from origin: Trial) -> Bool {
        let armijo = trial.value <= origin.value + LBFGS.sufficientDecrease * trial.step * origin.slope
        let approximate = trial.value <= origin.value + noise(origin)
            && trial.slope <= (2 * LBFGS.sufficientDecrease - 1) * origin.slope
        return armijo || approximate
    }

    private func noise(_ origin: Trial) -> Double { LBFGS.valueNoise * abs(origin.value) }

    /// The minimizer of the cubic matching both ends' values and slopes
    /// (Nocedal & Wright, eq. 3.59), kept a tenth of the interval away from
    /// either end; the midpoint when the cubic has none.
    private func interpolate(_ a: Trial, _ b: Trial) -> Double {
        let lower = min(a.step, b.step), upper = max(a.step, b.step), margin = 0.1 * (upper - lower)
        let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.step - b.step)
        let discriminant = d1 * d1 - a.slope * b.slope
        var step = (lower + upper) / 2
        if discriminant >= 0 {
            let d2 = (b.step > a.step ? 1 : -1) * discriminant.squareRoot()
            let cubic = b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
            if cubic.isFinite { step = min(max(cubic, lower + margin), upper - margin) }
        }
        return step
    }

    private mutating func evaluate(_ origin: Trial, _ direction: [Double], _ step: Double) -> Trial {
        var point = origin.point
        axpy(step, direction, &point)
        var gradient = [Double](repeating: 0, count: point.count)
        let value = objective(point, &gradient)
        evaluations += 1
        return Trial(step: step, point: point, value: value, gradient: gradient, slope: dot(gradient, direction))
    }
}

private func dot(_ a: [Double], _ b: [Double]) -> Double {
    cblas_ddot(blasint(a.count), a, 1, b, 1)
}

/// y += a x
private func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
    cblas_daxpy(blasint(x.count), a, x, 1, &y, 1)
}

private func scale(_ x: inout [Double], by a: Double) {
    cblas_dscal(blasint(x.count), a, &x, 1)
}

/// The largest |xᵢ|; NaN when any is (Swift's `max` would skip it).
private func maxAbs(_ x: [Double]) -> Double {
    x.reduce(0) { $0.isNaN || $1.isNaN ? .nan : max($0, abs($1)) }
}
