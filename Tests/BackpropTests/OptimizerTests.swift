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

@Suite struct OptimizerTests {
    /// How many cases each PyTorch fixture holds. The tests run exactly these,
    /// so a missing or shortened fixture fails instead of quietly running fewer.
    static let optimizerCases = 13, mlpCases = 26

    @Test func fixturesHoldEveryCase() throws {
        #expect(try fixtureCases("optimizers").count == Self.optimizerCases)
        #expect(try fixtureCases("mlp").count == Self.mlpCases)
        // Every registered optimizer but the `momentum` preset (sgd's) is checked against torch.
        let covered = Set(try fixtureCases("optimizers").compactMap { $0["optimizer"] as? String })
        #expect(covered == Set(Catalog.builtIn.optimizers.names).subtracting(["momentum"]))
    }

    /// f(P, q) = Σ C ⊙ P² + Σ (q − 1)⁴ + Σ P q, stepped 25 times, against
    /// torch.optim (optimizers.json). Each optimizer comes from the registry
    /// with torch's own settings, as an experiment file would name it.
    @Test(arguments: 0..<optimizerCases)
    func followsTorchOnTheAnalyticObjective(caseIndex: Int) throws {
        let fixture = try loadFixture("optimizers")
        let c = matrix(fixture["C"])
        let reference = try fixtureCases("optimizers")[caseIndex]
        let name = try #require(reference["optimizer"] as? String)
        let optimizer = try optimizer(name, configValue(reference["settings"]))
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
            #expect(isClose(loss, try #require(expected["loss_before"] as? Double), relative: 1e-9), "\(label) loss")
            expectClose(p.gradient.storage, matrix(expected["grad_P"]).storage, relative: 1e-9, absoluteFloor: 1e-12, "\(label) grad_P")
            optimizer.step([p, q])
            expectClose(p.value.storage, matrix(expected["P"]).storage, relative: 1e-9, absoluteFloor: 1e-12, "\(label) P")
            expectClose(q.value.storage, doubles(expected["q"]), relative: 1e-9, absoluteFloor: 1e-12, "\(label) q")
        }
    }

    /// 2-3-1 network trained full-batch for 30 steps: forward, loss, backward, update (mlp.json).
    @Test(arguments: 0..<mlpCases)
    func trainsTheWholeNetworkLikeTorch(caseIndex: Int) throws {
        let fixture = try loadFixture("mlp")
        let reference = try fixtureCases("mlp")[caseIndex]
        let initial = try #require(fixture["initial"] as? [String: Any])
        let first = Dense(weight: matrix(initial["W1"]), bias: doubles(initial["b1"]))
        let second = Dense(weight: matrix(initial["W2"]), bias: doubles(initial["b2"]))
        var random = RandomGenerator(seed: 1)
        let activation: any Layer<Double> = try Catalog.builtIn.make(\.activations, try #require(reference["activation"] as? String))
            .makeLayer(inputSize: 3, random: &random, as: Double.self)
        let model = Sequential(inputSize: 2, layers: [first, activation, second])
        let loss = try Catalog.builtIn.make(\.losses, try #require(reference["loss"] as? String))
        let optimizer = try optimizer(try #require(reference["optimizer"] as? String), configValue(reference["settings"]))
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

    /// Saving after 10 steps and restoring into a fresh optimizer continues the
    /// same trajectory, for every registered optimizer with every state buffer in use.
    @Test(arguments: Catalog.builtIn.optimizers.names)
    func stateSavesAndRestores(name: String) throws {
        let settings: ConfigValue = switch name {
        case "sgd", "momentum": ["lr": 0.05, "momentum": 0.8, "nesterov": true]
        case "rmsprop": ["lr": 0.05, "momentum": 0.9, "centered": true]
        case "adam", "adamw": ["lr": 0.05, "amsgrad": true]
        default: ["lr": 0.05, "initial_accumulator_value": 0.1]
        }
        func run(_ optimizer: Optimizer<Double>, _ parameter: Parameter<Double>, steps: Int) {
            for _ in 0..<steps {
                parameter.gradient.storage = parameter.value.storage.map { 2 * $0 - 1 + 0.1 * $0 * $0 * $0 }
                optimizer.step([parameter])
            }
        }
        let straight = Parameter(name: "w", value: Matrix([[0.3, -1.2, 2.0]]))
        run(try optimizer(name, settings), straight, steps: 20)

        let resumed = Parameter(name: "w", value: Matrix([[0.3, -1.2, 2.0]]))
        let before = try optimizer(name, settings)
        run(before, resumed, steps: 10)
        let saved = try JSONDecoder().decode(OptimizerState.self, from: JSONEncoder().encode(before.saveState()))
        #expect(saved.step == 10 && saved.buffers.count == before.rule.stateNames.count)
        let after = try optimizer(name, settings)
        try after.restoreState(saved)
        run(after, resumed, steps: 10)
        #expect(resumed.value.storage == straight.value.storage)
        #expect(throws: OptimizerStateError.self) {
            try optimizer("sgd", ["lr": 0.1]).restoreState(OptimizerState(kind: "adam", step: 1, buffers: [:]))
        }
        #expect(throws: OptimizerStateError.self) {
            try optimizer("adam", [:]).restoreState(OptimizerState(kind: "adam", step: 1, buffers: ["exp_avg": [[1]]]))
        }
    }

    /// AdamW is Adam with decoupled decay: with weight_decay 0 they take the same steps.
    @Test func adamWIsAdamWithDecoupledDecay() throws {
        let adam = try optimizer("adam", ["lr": 0.01])
        let adamW = try optimizer("adamw", ["lr": 0.01, "weight_decay": 0])
        let a = Parameter(name: "a", value: Matrix([[0.5, -2]])), b = Parameter(name: "b", value: Matrix([[0.5, -2]]))
        for _ in 0..<5 {
            a.gradient.storage = a.value.storage.map { $0 * 3 }
            b.gradient.storage = b.value.storage.map { $0 * 3 }
            adam.step([a])
            adamW.step([b])
        }
        #expect(a.value.storage == b.value.storage)
        #expect(adamW.rule.weightDecay == .decoupled(0) && adam.rule.weightDecay == .coupled(0))
        #expect(adamW.description == "adamw(lr: 0.01, betas: [0.9, 0.999], eps: 1e-08, weight_decay: 0.0, amsgrad: false)")
    }

    @Test func rejectsImpossibleHyperparameters() {
        #expect(throws: ExperimentError(file: "", message: "sgd 'lr' must be > 0, found 0")) { try SGD(["lr": 0]) }
        #expect(throws: ExperimentError(file: "", message: "nesterov needs momentum > 0 and dampening 0")) {
            try SGD(["lr": 0.1, "nesterov": true])
        }
        #expect(throws: ExperimentError(file: "", message: "adam 'betas' must be in [0, 1), found 1.0")) { try Adam(["betas": [1.0, 0.999]]) }
        #expect(throws: ExperimentError(file: "", message: "rmsprop 'alpha' must be in [0, 1), found 1.5")) { try RMSprop(["alpha": 1.5]) }
    }
}
