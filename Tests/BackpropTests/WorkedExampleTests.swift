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

@Suite struct WorkedExampleTests {
    /// Hand computation: x = 2; hidden z = (1.5·2 + 0.5, −0.5·2) = (3.5, −1), h = (3.5, 0);
    /// ŷ = 2·3.5 + 1·0 = 7; t = 4, error 3, L = 9, ∂L/∂ŷ = 6.
    /// ∂L/∂w2[1,1] = h1 · 1 · 6 = 21; ∂L/∂w2[1,2] = 0; ∂L/∂b2 = 6;
    /// ∂L/∂h1 = 6 · w2[1,1] = 12, so ∂L/∂w1[1,1] = 2 · relu'(3.5) · 12 = 24, ∂L/∂b1[1] = 12;
    /// the second hidden unit is off (relu'(−1) = 0): its gradients are 0.
    @Test func matchesTheHandComputation() throws {
        let example = try WorkedExample(model: WorkedExample.lessonModel(), input: [2], target: 4, learningRate: 0.01)
        #expect(example.prediction == 7)
        #expect(example.loss == 9)
        #expect(example.lossSlope == 6)
        let byName = Dictionary(uniqueKeysWithValues: example.weights.map { ($0.name, $0) })
        let expected: [(String, feeding: Double, slope: Double, lossSlope: Double, gradient: Double, updated: Double)] = [
            ("w1[1,1]", 2, 1, 12, 24, 1.5 - 0.24),
            ("b1[1]", 1, 1, 12, 12, 0.5 - 0.12),
            ("w1[2,1]", 2, 0, 6, 0, -0.5),
            ("b1[2]", 1, 0, 6, 0, 0),
            ("w2[1,1]", 3.5, 1, 6, 21, 2 - 0.21),
            ("w2[1,2]", 0, 1, 6, 0, 1),
            ("b2[1]", 1, 1, 6, 6, -0.06),
        ]
        #expect(example.weights.count == expected.count)
        for row in expected {
            let step = try #require(byName[row.0])
            #expect(step.feedingValue == row.feeding, "\(row.0) feeding value")
            #expect(step.activationSlope == row.slope, "\(row.0) activation slope")
            #expect(step.lossSlope == row.lossSlope, "\(row.0) loss slope")
            #expect(step.gradient == row.gradient, "\(row.0) gradient")
            #expect(step.backpropGradient == row.gradient, "\(row.0) backprop gradient")
            #expect(isClose(step.updated, row.updated, relative: 1e-15), "\(row.0) updated")
        }
        // After the step: h1 = relu(1.26·2 + 0.38) = 2.9, ŷ = 1.79·2.9 + 1·0 − 0.06 = 5.131.
        #expect(isClose(example.lossAfterUpdate, (5.131 - 4) * (5.131 - 4), relative: 1e-12))
        let text = example.render()
        #expect(text.contains("w1[1,1]  1.5    2              1                 12        24        1.26"))
    }

    @Test func rejectsModelsItCannotWalk() {
        let wide = Sequential<Double>(inputSize: 1, layers: [Dense(weight: Matrix([[1], [2]]), bias: [0, 0])])
        #expect(throws: WorkedExample.Problem.self) {
            try WorkedExample(model: wide, input: [1], target: 0, learningRate: 0.1)
        }
    }
}

@Suite struct PitfallTests {
    /// With all-zero starting weights every hidden unit computes the same value and
    /// receives the same gradient, so after any number of steps they are still
    /// identical: the network can use only one hidden unit.
    @Test func zeroInitialisationKeepsHiddenUnitsIdentical() {
        var random = RandomGenerator(seed: 1)
        let hidden = Dense<Double>(inputSize: 2, units: 4, weightInitializer: Zeros(), biasInitializer: Zeros(), random: &random)
        let output = Dense<Double>(inputSize: 4, units: 1, weightInitializer: Constant(value: 0.3), biasInitializer: Zeros(), random: &random)
        let model = Sequential(inputSize: 2, layers: [hidden, ActivationLayer(Tanh()), output])
        let x = Matrix<Double>([[0, 0], [0, 1], [1, 0], [1, 1]])
        let y = Matrix<Double>(column: [0, 1, 1, 0])
        let loss = MeanSquaredError()
        var gradient = Matrix<Double>(rows: 0, columns: 0)
        for _ in 0..<50 {
            let prediction = model.forward(x, training: true)
            loss.gradient(prediction: prediction, target: y, into: &gradient)
            model.backward(input: x, outputGradient: gradient)
            for parameter in model.parameters {
                for index in parameter.value.storage.indices { parameter.value.storage[index] -= 0.5 * parameter.gradient.storage[index] }
            }
        }
        let rows = hidden.weight.value.nestedRows
        #expect(rows.allSatisfy { $0 == rows[0] })
        #expect(Set(hidden.bias.value.storage).count == 1)
        #expect(Set(output.weight.value.storage).count == 1)
        #expect(rows[0] != [0, 0] || hidden.bias.value.storage[0] != 0, "the units did move, together")
    }

    /// Gradient descent on f(w) = ½ a w² multiplies w by (1 − lr·a) each step:
    /// it converges for lr < 2/a and diverges beyond.
    @Test func tooLargeALearningRateDivergesAndASmallOneConvergesSlowly() {
        let curvature = 4.0
        func descend(learningRate: Double, steps: Int) -> Double {
            let dense = Dense<Double>(weight: Matrix([[1]]), bias: [0])
            let model = Sequential<Double>(inputSize: 1, layers: [dense])
            let x = Matrix<Double>(column: [curvature.squareRoot() / 2.0.squareRoot()])
            let zero = Matrix<Double>(column: [0])
            let loss = MeanSquaredError()  // (w·x)² = ½·4·w² with x = √2, a curvature of 4
            var gradient = Matrix<Double>(rows: 0, columns: 0)
            for _ in 0..<steps {
                loss.gradient(prediction: model.forward(x, training: true), target: zero, into: &gradient)
                model.backward(input: x, outputGradient: gradient)
                dense.weight.value.storage[0] -= learningRate * dense.weight.gradient.storage[0]  // the bias stays 0
            }
            return loss.value(prediction: model.forward(x, training: false), target: zero)
        }
        let start = descend(learningRate: 0.1, steps: 0)
        let tooLarge = descend(learningRate: 0.6, steps: 20)   // factor |1 − 2.4| = 1.4 per step
        let right = descend(learningRate: 0.25, steps: 20)     // factor 0: one step
        let small = descend(learningRate: 0.01, steps: 20)     // factor 0.96 per step
        #expect(tooLarge > 1000 * start)
        #expect(right < 1e-20)
        #expect(small < start && small > 0.1 * start)
        #expect(isClose(small, start * pow(0.96, 40), relative: 1e-9))
    }
}
