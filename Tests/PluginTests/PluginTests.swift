import Foundation
import Testing
import Backprop  // public API only: this target stands for a package outside the library

/// Registering changes the process's registries, which the library's own
/// tests check exactly, so this suite runs in a process of its own: `make
/// test` runs it with BACKPROP_PLUGIN_TESTS=1 after the others.
private let registered: Void = registerComponents()
private let ownProcess = ProcessInfo.processInfo.environment["BACKPROP_PLUGIN_TESTS"] == "1"

@Suite(.enabled(if: ownProcess, "registers components; `make test` runs it in its own process"))
struct PluginTests {
    init() { _ = registered }

    @Test func anExperimentFileUsesThePluginsOptimizerActivationAndDataset() throws {
        let plan = try ExperimentLoader.parse("""
            name: plugin-check
            seeds: [1, 2]
            dataset: {two_clouds: {samples: 80}}
            model: [{dense: {units: 4}}, swish, {dense: {units: 1}}]
            loss: bce_with_logits
            train: {epochs: 40, batch: 16}
            runs:
              - {label: Lion, optimizer: {lion: {lr: 0.01}}}
              - {label: Adam, optimizer: {adam: {lr: 0.01}}}
            """, file: "plugin.yaml")
        #expect(plan.model.map(\.name) == ["dense", "swish", "dense"])
        #expect(plan.runs[0].settingsDescription.hasPrefix("lion(lr: 0.01, betas: [0.9, 0.99], weight_decay: 0.0), batch 16"))
        let result = try ExperimentRunner.run(plan)
        #expect(result.runs.count == 4 && result.classNames == ["left", "right"])
        for run in result.runs {
            let first = try #require(run.history.records.first?.loss)
            let last = try #require(run.history.last)
            #expect(last.loss < first, "\(run.label) seed \(run.seed) did not learn")
            #expect((last.accuracy ?? 0) > 0.9)
        }
    }

    /// Two steps from w = (0.5, −1) with g = (0.2, −0.3) then (−0.4, −0.3),
    /// lr 0.1, betas (0.9, 0.99), weight decay 0.5, worked by hand from the paper's rule.
    @Test func lionTakesThePublishedSteps() throws {
        let optimizer = Optimizer<Double>(try Registries.optimizers.make("lion", ["lr": 0.1, "weight_decay": 0.5]))
        let w = Parameter(name: "w", value: Matrix([[0.5, -1]]))
        w.gradient.storage = [0.2, -0.3]
        optimizer.step([w])
        // c = 0.1·g = (0.02, −0.03): w = w·(1 − 0.05) − 0.1·sign(c) = (0.375, −0.85); m = 0.01·g = (0.002, −0.003)
        #expect(w.value.storage == [0.5 * 0.95 - 0.1, -1 * 0.95 + 0.1])
        w.gradient.storage = [-0.4, -0.3]
        optimizer.step([w])
        // c = 0.9·m + 0.1·g = (−0.0382, −0.0327): both signs −1, so w = w·0.95 + 0.1
        #expect(w.value.storage == [(0.5 * 0.95 - 0.1) * 0.95 + 0.1, (-1 * 0.95 + 0.1) * 0.95 + 0.1])
        #expect(optimizer.saveState().buffers["exp_avg"]?[0].count == 2)
    }

    @Test func swishPassesTheGradientCheckLikeTheBuiltIns() throws {
        let swish = try #require(GradientCheckSuite.run().first { $0.component == "swish" })
        #expect(swish.passed, "\(swish.maxRelativeError) at \(swish.worstEntry)")
    }

    @Test func listShowsThePluginsBesideTheBuiltIns() throws {
        #expect(Registries.optimizers.names == ["adagrad", "adam", "adamw", "lion", "momentum", "rmsprop", "sgd"])
        let optimizers = Commands.list(.optimizers).output
        #expect(optimizers.contains("  lion — sign of interpolated momentum (Chen et al. 2023)"))
        #expect(optimizers.contains("      betas: [0.9, 0.99] (in [0, 1))"))
        #expect(Commands.list(.activations).output.contains("  swish — x·σ(x) (SiLU)"))
        #expect(Commands.list(.datasets).output.contains("      spread: 0.4 (>= 0)"))
    }

    @Test func aPluginsBadSettingsAreErrorsWithPositions() {
        #expect {
            try ExperimentLoader.parse("""
                name: plugin-bad
                dataset: {two_clouds: {samples: 10}}
                model: [{dense: {units: 1}}]
                loss: bce_with_logits
                train: {optimizer: {lion: {lr: 0.01, beta: 0.9}}}
                """, file: "bad.yaml")
        } throws: { error in
            "\(error)" == "bad.yaml:5:38: unknown key 'beta' in lion settings (did you mean 'betas'?); known: betas, lr, weight_decay"
        }
        #expect {
            try ExperimentLoader.parse("""
                name: plugin-bad
                dataset: {two_clouds: {samples: 10}}
                model: [{dense: {units: 1}}, swissh]
                loss: bce_with_logits
                train: {optimizer: {lion: {lr: -1}}}
                """, file: "bad.yaml")
        } throws: { error in
            "\(error)".hasPrefix("bad.yaml:3:30: unknown layer 'swissh' (did you mean 'swish'?)")
        }
    }
}
