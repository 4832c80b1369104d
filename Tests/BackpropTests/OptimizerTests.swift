import Foundation
import Testing
@testable import Backprop

/// Builds an optimizer from a fixture's torch.optim settings.
func makeOptimizer(_ name: String, _ settings: [String: Any]) throws -> any Optimizer<Double> {
    let lr = settings["lr"] as? Double ?? 0.01
    let weightDecay = settings["weight_decay"] as? Double ?? 0
    let momentum = settings["momentum"] as? Double ?? 0
    let betas = doubles(settings["betas"])
    switch name {
    case "sgd":
        return try SGD(learningRate: lr, momentum: momentum, dampening: settings["dampening"] as? Double ?? 0,
                       nesterov: settings["nesterov"] as? Bool ?? false, weightDecay: weightDecay)
    case "rmsprop":
        return try RMSprop(learningRate: lr, alpha: settings["alpha"] as? Double ?? 0.99, momentum: momentum,
                           centered: settings["centered"] as? Bool ?? false, weightDecay: weightDecay)
    case "adam":
        return try Adam(learningRate: lr, betas: betas.count == 2 ? (betas[0], betas[1]) : (0.9, 0.999),
                        epsilon: settings["eps"] as? Double ?? 1e-8, weightDecay: weightDecay,
                        amsgrad: settings["amsgrad"] as? Bool ?? false)
    case "adamw":
        return try AdamW.make(learningRate: lr, weightDecay: settings["weight_decay"] as? Double ?? 0.01)
    case "adagrad":
        return try Adagrad(learningRate: lr, weightDecay: weightDecay)
    default:
        throw OptimizerStateError(description: "unknown optimizer \(name)")
    }
}

@Suite struct OptimizerTests {
    static func cases(_ file: String) -> [Int] {
        let fixture = try? loadFixture(file)
        return Array(0..<((fixture?["cases"] as? [Any])?.count ?? 0))
    }

    /// f(P, q) = Σ C ⊙ P² + Σ (q − 1)⁴ + Σ P q, stepped 25 times, against torch.optim (optimizers.json).
    @Test(arguments: cases("optimizers"))
    func followsTorchOnTheAnalyticObjective(caseIndex: Int) throws {
        let fixture = try loadFixture("optimizers")
        let c = matrix(fixture["C"])
        let reference = try #require((fixture["cases"] as? [[String: Any]])?[caseIndex])
        let name = try #require(reference["optimizer"] as? String)
        let optimizer = try makeOptimizer(name, try #require(reference["settings"] as? [String: Any]))
        let p = Parameter(name: "P", value: matrix(fixture["P0"]))
        let q = Parameter(name: "q", value: Matrix(rows: 1, columns: 3, storage: doubles(fixture["q0"])))
        let steps = try #require(reference["steps"] as? [[String: Any]])
        #expect(steps.count == 25)
        for (number, expected) in steps.enumerated() {
            let P = p.value.storage, Q = q.value.storage
            var loss = 0.0
            for row in 0..<2 {
                for column in 0..<3 {
                    let index = row * 3 + column
                    loss += c.storage[index] * P[index] * P[index] + P[index] * Q[column]
                    p.gradient.storage[index] = 2 * c.storage[index] * P[index] + Q[column]
                }
            }
            for column in 0..<3 {
                loss += pow(Q[column] - 1, 4)
                q.gradient.storage[column] = 4 * pow(Q[column] - 1, 3) + P[column] + P[3 + column]
            }
            let label = "\(name) \(reference["settings"]!) step \(number + 1)"
            #expect(isClose(loss, expected["loss_before"] as! Double, relative: 1e-9), "\(label) loss")
            expectClose(p.gradient.storage, matrix(expected["grad_P"]).storage, relative: 1e-9, absoluteFloor: 1e-12, "\(label) grad_P")
            optimizer.step([p, q])
            expectClose(p.value.storage, matrix(expected["P"]).storage, relative: 1e-9, absoluteFloor: 1e-12, "\(label) P")
            expectClose(q.value.storage, doubles(expected["q"]), relative: 1e-9, absoluteFloor: 1e-12, "\(label) q")
        }
    }

    /// 2-3-1 network trained full-batch for 30 steps: forward, loss, backward, update (mlp.json).
    @Test(arguments: cases("mlp"))
    func trainsTheWholeNetworkLikeTorch(caseIndex: Int) throws {
        let fixture = try loadFixture("mlp")
        let reference = try #require((fixture["cases"] as? [[String: Any]])?[caseIndex])
        let initial = try #require(fixture["initial"] as? [String: Any])
        let first = Dense(weight: matrix(initial["W1"]), bias: doubles(initial["b1"]))
        let second = Dense(weight: matrix(initial["W2"]), bias: doubles(initial["b2"]))
        let activation: any Layer<Double> = reference["activation"] as? String == "tanh" ? Tanh() : Sigmoid()
        let model = Sequential(inputSize: 2, layers: [first, activation, second])
        let loss: any Loss<Double> = reference["loss"] as? String == "mse" ? MeanSquaredError() : BinaryCrossEntropyWithLogits()
        let optimizer = try makeOptimizer(try #require(reference["optimizer"] as? String), try #require(reference["settings"] as? [String: Any]))
        let x = matrix(fixture["X"]), y = matrix(fixture["Y"])
        var gradient = Matrix<Double>(rows: 0, columns: 0)
        var losses: [Double] = []
        for _ in 0..<30 {
            let prediction = model.forward(x, training: true)
            losses.append(loss.value(prediction: prediction, target: y))
            loss.gradient(prediction: prediction, target: y, into: &gradient)
            model.backward(input: x, outputGradient: gradient)
            optimizer.step(model.parameters)
        }
        let label = "\(reference["activation"]!)+\(reference["loss"]!) \(reference["optimizer"]!) \(reference["settings"]!)"
        expectClose(losses, doubles(reference["loss_before_each_step"]), relative: 1e-9, label + " losses")
        let final = try #require(reference["final"] as? [String: Any])
        expectClose(first.weight.value.storage, matrix(final["W1"]).storage, relative: 1e-9, absoluteFloor: 1e-12, label + " W1")
        expectClose(first.bias.value.storage, doubles(final["b1"]), relative: 1e-9, absoluteFloor: 1e-12, label + " b1")
        expectClose(second.weight.value.storage, matrix(final["W2"]).storage, relative: 1e-9, absoluteFloor: 1e-12, label + " W2")
        expectClose(second.bias.value.storage, doubles(final["b2"]), relative: 1e-9, absoluteFloor: 1e-12, label + " b2")
    }

    /// Saving after 10 steps and restoring into a fresh optimizer continues the same trajectory.
    @Test(arguments: ["sgd", "rmsprop", "adam", "adamw", "adagrad"])
    func stateSavesAndRestores(name: String) throws {
        let settings: [String: Any] = ["lr": 0.05, "momentum": 0.9, "centered": true, "amsgrad": true]
        func run(_ optimizer: any Optimizer<Double>, _ parameter: Parameter<Double>, steps: Int) {
            for _ in 0..<steps {
                parameter.gradient.storage = parameter.value.storage.map { 2 * $0 - 1 + 0.1 * $0 * $0 * $0 }
                optimizer.step([parameter])
            }
        }
        let straight = Parameter(name: "w", value: Matrix([[0.3, -1.2, 2.0]]))
        let reference = try makeOptimizer(name, settings)
        run(reference, straight, steps: 20)

        let resumed = Parameter(name: "w", value: Matrix([[0.3, -1.2, 2.0]]))
        let before = try makeOptimizer(name, settings)
        run(before, resumed, steps: 10)
        let saved = try JSONDecoder().decode(OptimizerState.self, from: JSONEncoder().encode(before.saveState()))
        let after = try makeOptimizer(name, settings)
        try after.restoreState(saved)
        run(after, resumed, steps: 10)
        #expect(resumed.value.storage == straight.value.storage)
        #expect(throws: OptimizerStateError.self) { try SGD<Double>(learningRate: 0.1).restoreState(OptimizerState(kind: "adam", step: 1, buffers: [:])) }
    }

    @Test func rejectsImpossibleHyperparameters() {
        #expect(throws: OptimizerStateError.self) { try SGD<Double>(learningRate: 0) }
        #expect(throws: OptimizerStateError.self) { try SGD<Double>(learningRate: 0.1, nesterov: true) }
        #expect(throws: OptimizerStateError.self) { try Adam<Double>(betas: (1.0, 0.999)) }
        #expect(throws: OptimizerStateError.self) { try RMSprop<Double>(alpha: 1.5) }
    }
}
