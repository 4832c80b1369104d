import BackpropComponents

/// Compares backpropagated gradients with finite differences, in Float64.
///
/// The numeric derivative is the five-point central difference
/// `(−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h` with h = 1e-4: its
/// truncation error is O(h⁴) (≈1e-16 here) and its rounding error ≈ ε|f|/h
/// (≈1e-12), so agreement to 1e-6 is a real test. The error reported for each
/// entry is `|analytic − numeric| / max(|analytic|, |numeric|, 1e-5)`: relative,
/// with a floor so that entries that are zero up to rounding do not divide by
/// nothing. Every forward pass is reseeded, so dropout uses the same mask each time.
public enum GradientCheck {
    public static let step = 1e-4
    public static let relativeErrorFloor = 1e-5
    public static let tolerance = 1e-6

    public struct Result: Sendable {
        public var component: String
        public var maxRelativeError: Double
        /// Where the worst entry is, e.g. `layer1.dense.weight[2]` or `input[5]`.
        public var worstEntry: String
        public var passed: Bool { maxRelativeError <= GradientCheck.tolerance }
    }

    public static func relativeError(_ analytic: Double, _ numeric: Double) -> Double {
        abs(analytic - numeric) / max(abs(analytic), abs(numeric), relativeErrorFloor)
    }

    /// Checks the gradient of `loss(model(input), target)` with respect to every
    /// parameter and to the input.
    package static func check(
        _ component: String, model: Sequential<Double>, loss: any Loss,
        input: Matrix<Double>, target: Matrix<Double>, training: Bool = true, seed: UInt64 = 7
    ) -> Result {
        func evaluate(_ input: Matrix<Double>) -> Double {
            model.reseed(seed)
            return loss.value(prediction: model.forward(input, training: training), target: target)
        }
        model.reseed(seed)
        let prediction = model.forward(input, training: training)
        var lossGradient = Matrix<Double>(rows: 0, columns: 0)
        loss.gradient(prediction: prediction, target: target, into: &lossGradient)
        model.backward(input: input, outputGradient: lossGradient, needsInputGradient: true)
        let analyticInput = model.inputGradient

        var worst = Result(component: component, maxRelativeError: 0, worstEntry: "-")
        func record(_ analytic: Double, _ numeric: Double, _ entry: @autoclosure () -> String) {
            let error = relativeError(analytic, numeric)
            if error > worst.maxRelativeError || error.isNaN {
                worst.maxRelativeError = error.isNaN ? .infinity : error
                worst.worstEntry = entry()
            }
        }

        for parameter in model.parameters {
            let analytic = parameter.gradient.storage
            for index in parameter.value.storage.indices {
                let numeric = fivePointDerivative(at: parameter.value.storage[index]) { value in
                    let saved = parameter.value.storage[index]
                    parameter.value.storage[index] = value
                    defer { parameter.value.storage[index] = saved }
                    return evaluate(input)
                }
                record(analytic[index], numeric, "\(parameter.name)[\(index)]")
            }
        }
        for index in input.storage.indices {
            let numeric = fivePointDerivative(at: input.storage[index]) { value in
                var shifted = input
                shifted.storage[index] = value
                return evaluate(shifted)
            }
            record(analyticInput.storage[index], numeric, "input[\(index)]")
        }
        return worst
    }

    static func fivePointDerivative(at x: Double, _ f: (Double) -> Double) -> Double {
        let h = step
        return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h)
    }
}
