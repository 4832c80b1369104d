import Foundation
import Testing
import Backprop  // public API only: this package sees nothing else of the library
import ExamplePlugin

/// The plugin's components through backprop's public API, as its binary uses
/// them: added to the built-in catalog, then named by experiment files.
@Suite struct ExamplePluginTests {
    let catalog: Catalog
    init() throws { catalog = try Catalog.builtIn.adding(examplePlugin) }

    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The shipped experiment, read from its file as `backprop-plugin run` reads it.
    @Test func theShippedExperimentTrainsLionBesideAdam() throws {
        let plan = try ExperimentLoader(catalog: catalog).load(path: Self.package.appendingPathComponent("experiments/lion-vs-adam.yaml").path)
        #expect(plan.model.map(\.name) == ["dense", "swish", "dense"])
        #expect(plan.runs.map(\.label) == ["Lion", "Adam"])
        let result = try ExperimentRunner.run(plan)
        #expect(result.runs.count == 6 && result.classNames == ["left", "right"])
        for run in result.runs {
            let first = try #require(run.history.records.first?.loss)
            let last = try #require(run.history.last)
            #expect(last.loss < first / 2, "\(run.label) seed \(run.seed) did not learn")
            #expect((last.accuracy ?? 0) > 0.85, "\(run.label) seed \(run.seed)")
        }
    }

    /// f(P, q) = Σ C ⊙ P² + Σ (q − 1)⁴ + Σ P q, stepped 25 times, against
    /// optax.lion in float64 (Fixtures/lion.json, made by Fixtures/generate.py).
    @Test(arguments: 0..<3)
    func lionFollowsOptax(caseIndex: Int) throws {
        let url = try #require(Bundle.module.url(forResource: "lion", withExtension: "json", subdirectory: "Fixtures"))
        let fixture = try JSONDecoder().decode(Trajectories.self, from: Data(contentsOf: url))
        #expect(fixture.cases.count == 3)
        let reference = fixture.cases[caseIndex]
        let optimizer = Optimizer<Double>(try catalog.make(\.optimizers, "lion", reference.settings.configValue))
        let c = fixture.C.flatMap { $0 }
        let p = Parameter(name: "P", value: Matrix(fixture.P0))
        let q = Parameter(name: "q", value: Matrix([fixture.q0]))
        #expect(reference.steps.count == 25)
        for (number, expected) in reference.steps.enumerated() {
            let P = p.value.storage, Q = q.value.storage
            var loss = 0.0
            for row in 0..<2 {
                for column in 0..<3 {
                    let index = row * 3 + column
                    loss += c[index] * P[index] * P[index] + P[index] * Q[column]
                    p.gradient.storage[index] = 2 * c[index] * P[index] + Q[column]
                }
            }
            for column in 0..<3 {
                loss += pow(Q[column] - 1, 4)
                q.gradient.storage[column] = 4 * pow(Q[column] - 1, 3) + P[column] + P[3 + column]
            }
            let label = "lion \(reference.settings) step \(number + 1)"
            #expect(loss.isClose(to: expected.loss_before), "\(label) loss")
            optimizer.step([p, q])
            expectClose(p.value.storage, expected.P.flatMap { $0 }, label + " P")
            expectClose(q.value.storage, expected.q, label + " q")
        }
    }

    @Test func swishPassesTheGradientCheckLikeTheBuiltIns() throws {
        let swish = try #require(GradientCheckSuite.run(catalog: catalog).first { $0.component == "swish" })
        #expect(swish.passed, "\(swish.maxRelativeError) at \(swish.worstEntry)")
    }

    @Test func theCatalogListsThePluginBesideTheBuiltIns() throws {
        #expect(catalog.optimizers.names == ["adagrad", "adam", "adamw", "lion", "momentum", "rmsprop", "sgd"])
        let lion = try #require(catalog.describe(\.optimizers).first { $0.name == "lion" })
        #expect(lion.summary == "sign of interpolated momentum (Chen et al. 2023)")
        #expect(lion.settings.map { "\($0.name): \($0.defaultValue) (\($0.constraint))" }
                == ["lr: 0.0001 (> 0)", "betas: [0.9, 0.99] (in [0, 1))", "weight_decay: 0 (>= 0)"])
        #expect(catalog.activations.contains("swish") && catalog.datasets.contains("two_clouds"))
        #expect(Version.description(of: catalog).hasSuffix("; plugin example \(examplePlugin.sourceDigest))"))
        #expect(!Version.description(of: .builtIn).contains("plugin"), "the built-in catalog is left as it was")
    }

    @Test func thePluginsBadSettingsAreErrorsWithPositions() {
        #expect {
            try ExperimentLoader(catalog: catalog).parse("""
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
            try ExperimentLoader(catalog: catalog).parse("""
                name: plugin-bad
                dataset: {two_clouds: {samples: 10}}
                model: [{dense: {units: 1}}, swissh]
                loss: bce_with_logits
                train: {optimizer: {lion: {lr: 0.01}}}
                """, file: "bad.yaml")
        } throws: { error in
            "\(error)".hasPrefix("bad.yaml:3:30: unknown layer 'swissh' (did you mean 'swish'?)")
        }
        #expect {
            try ExperimentLoader(catalog: catalog).parse("""
                name: plugin-bad
                dataset: {two_clouds: {samples: 10, spread: -1}}
                model: [{dense: {units: 1}}]
                loss: bce_with_logits
                train: {optimizer: {lion: {lr: 0.01}}}
                """, file: "bad.yaml")
        } throws: { error in
            "\(error)" == "bad.yaml:2:45: two_clouds 'spread' must be >= 0, found -1"
        }
    }

    /// A name is taken once: the plugin cannot replace a built-in component,
    /// nor register its own twice, and the error names both places.
    @Test func aNameIsRegisteredOnce() throws {
        var catalog = catalog
        let line = #line + 1
        #expect { try catalog.register(optimizer: Lion.self, as: "adam") } throws: { error in
            "\(error)" == "ExamplePluginTests/ExamplePluginTests.swift:\(line): optimizer 'adam' is registered twice: "
                + "first as an optimizer at BackpropComponents/OptimizerRegistry.swift:8, again here (Lion)"
        }
        #expect { try catalog.register(optimizer: Lion.self) } throws: { error in
            "\(error)".contains("optimizer 'lion' is registered twice: first as an optimizer at ExamplePlugin/Registration.swift:")
        }
        // Layers and activations share `model:`, so their names are one namespace.
        #expect { try catalog.register(activation: Swish.self, as: "dense") } throws: { error in
            "\(error)".contains("activation 'dense' is registered twice: first as a layer at BackpropComponents/LayerRegistry.swift:")
        }
        #expect { try catalog.register(dataset: TwoCloudsDataset.self, as: "Two Clouds") } throws: { error in
            "\(error)".hasSuffix("cannot register TwoCloudsDataset as dataset 'Two Clouds': a name is lowercase letters, digits and '_', starting with a letter")
        }
        // `dataset:` takes `split`, `scale` and `scale_target` beside its source: no dataset is named so.
        #expect { try catalog.register(dataset: TwoCloudsDataset.self, as: "split") } throws: { error in
            "\(error)".hasSuffix("cannot register TwoCloudsDataset as dataset 'split': 'split' is a key of dataset: beside the source (dataset: {xor: ..., split: ...})")
        }
        // A plugin whose registration fails says so, and adds nothing: not even the lines before the failing one.
        let clash = Plugin(name: "clash", sourceDigest: "0") { catalog in
            try catalog.register(optimizer: Lion.self, as: "lion_clash")
            try catalog.register(dataset: TwoCloudsDataset.self, as: "xor")
        }
        #expect(throws: RegistrationError.self) { try catalog.adding(clash) }
        // One name, one plugin: the same plugin again changes nothing, another digest under a taken name is refused, a bad name too.
        #expect(try catalog.adding(examplePlugin).plugins.map(\.name) == ["example"])
        #expect { try catalog.adding(Plugin(name: "example", sourceDigest: "other") { _ in }) } throws: { error in
            "\(error)" == "plugin 'example' is added twice: first with source \(examplePlugin.sourceDigest), again with source other"
        }
        #expect { try catalog.adding(Plugin(name: "My Plugin", sourceDigest: "1") { _ in }) } throws: { error in
            "\(error)".hasPrefix("plugin 'My Plugin': a plugin's name is lowercase letters")
        }
        // Nothing was added by the refused registrations, and the built-ins are untouched.
        #expect(catalog.optimizers.names == self.catalog.optimizers.names && catalog.datasets.names == self.catalog.datasets.names)
        #expect("\(try catalog.make(\.datasets, "xor"))".hasPrefix("xor"))
        #expect("\(try catalog.make(\.optimizers, "adam"))".hasPrefix("adam("))
        #expect(!Version.description(of: catalog).contains("clash"))
    }
}

/// lion.json: settings and 25 steps per case.
struct Trajectories: Decodable {
    struct Case: Decodable {
        var settings: LionSettings
        var steps: [Step]
    }
    struct LionSettings: Decodable, CustomStringConvertible {
        var lr: Double
        var betas: [Double]?
        var weight_decay: Double?
        var configValue: ConfigValue {
            var entries: [(key: String, value: ConfigValue)] = [("lr", ConfigValue(floatLiteral: lr))]
            if let betas { entries.append(("betas", ConfigValue(.sequence(betas.map { ConfigValue(floatLiteral: $0) })))) }
            if let weight_decay { entries.append(("weight_decay", ConfigValue(floatLiteral: weight_decay))) }
            return ConfigValue(entries: entries)
        }
        var description: String { "lr \(lr), betas \(betas ?? [0.9, 0.99]), weight_decay \(weight_decay ?? 0)" }
    }
    struct Step: Decodable {
        var loss_before: Double
        var P: [[Double]]
        var q: [Double]
    }
    var C: [[Double]]
    var P0: [[Double]]
    var q0: [Double]
    var cases: [Case]
}

/// Element by element to 1e-9 relative (1e-12 absolute near zero), the count first.
func expectClose(_ actual: [Double], _ expected: [Double], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(label): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() where abs(a - e) > max(1e-9 * abs(e), 1e-12) {
        Issue.record("\(label)[\(index)]: \(a), expected \(e)", sourceLocation: sourceLocation)
    }
}

extension Double {
    func isClose(to other: Double) -> Bool { abs(self - other) <= max(1e-9 * abs(other), 1e-12) }
}
