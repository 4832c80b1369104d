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

/// The built-in registries, and registering: refused, with the places,
/// whenever the component could not be named by a file exactly as `list`
/// documents it. A catalog is a value: registering into one changes no other.
@Suite struct RegistryTests {
    @Test func everyKindListsItsBuiltInNames() {
        #expect(Catalog.builtIn.optimizers.names == ["adagrad", "adam", "adamw", "momentum", "rmsprop", "sgd"])
        #expect(Set(["dense", "dropout", "batch_norm", "softmax"]).isSubset(of: Catalog.builtIn.layers.names))
        #expect(Catalog.builtIn.activations.names == ["elu", "gelu", "identity", "leaky_relu", "relu", "sigmoid", "softplus", "step", "tanh"])
        #expect(Catalog.builtIn.losses.names == ["bce", "bce_with_logits", "huber", "mse", "softmax_cross_entropy"])
        #expect(Catalog.builtIn.schedules.names == ["constant", "cosine", "exponential", "plateau", "step", "warmup"])
        #expect(Catalog.builtIn.initializers.names.count == 8)
        #expect(Catalog.builtIn.datasets.names == ["blobs", "circles", "csv", "fashion_mnist", "idx", "inline", "linear_regression", "moons",
                                              "sine", "spiral", "teacher", "xor"])
        #expect(Catalog.builtIn.charts.namesInRegistrationOrder == ["loss", "batch_loss", "loss_vs_time", "accuracy", "lr", "grad_norm",
                                                               "decision_boundary", "confusion", "predicted_vs_actual", "sensitivity", "sensitivity_map"])
    }

    @Test func listDocumentsSettingsAndDefaults() throws {
        let lines = Commands(catalog: .builtIn).list(.optimizers).output
        #expect(lines.first == "optimizers:")
        #expect(lines.contains("  adam — bias-corrected first and second moments (Kingma & Ba)"))
        #expect(lines.contains("      betas: [0.9, 0.999] (in [0, 1))"))
        #expect(lines.contains("      lr: required (> 0)"))
        // A preset shows as the default: `momentum` is sgd with momentum 0.9.
        let momentum = try #require(lines.firstIndex(of: "  momentum — sgd with momentum 0.9 by default"))
        #expect(lines[momentum + 1...momentum + 2] == ["      lr: required (> 0)", "      momentum: 0.9 (>= 0)"])
        #expect(Commands(catalog: .builtIn).list(.layers).output.contains("      units: required (from 1 to 10000000)"))
        #expect(Commands(catalog: .builtIn).list(.plots).output.contains("  batch_loss — mean mini-batch loss by epoch, log scale"))
        #expect(Commands(catalog: .builtIn).list(nil).output.filter { $0.hasSuffix(":") && !$0.hasPrefix(" ") } == ComponentKind.allCases.map { "\($0.rawValue):" })
    }

    @Test func registryBuildsWithDefaultsOrSaysWhatIsMissing() throws {
        #expect(try Catalog.builtIn.make(\.optimizers, "adam").description == "adam(lr: 0.001, betas: [0.9, 0.999], eps: 1e-08, weight_decay: 0.0, amsgrad: false)")
        #expect(try Catalog.builtIn.make(\.optimizers, "momentum", ["lr": 0.1]).description == "sgd(lr: 0.1, momentum: 0.9, dampening: 0.0, nesterov: false, weight_decay: 0.0)")
        #expect(try Catalog.builtIn.make(\.optimizers, "momentum", ["lr": 0.1, "momentum": 0.5]).description.contains("momentum: 0.5"))
        #expect(try Catalog.builtIn.make(\.optimizers, "rmsprop").description == "rmsprop(lr: 0.01, alpha: 0.99, eps: 1e-08, momentum: 0.0, centered: false, weight_decay: 0.0)")
        #expect(try Catalog.builtIn.make(\.optimizers, "adamw", ["lr": 1e-5]).description == "adamw(lr: 1e-05, betas: [0.9, 0.999], eps: 1e-08, weight_decay: 0.01, amsgrad: false)")
        #expect(try Catalog.builtIn.make(\.schedules, "plateau").description == "plateau(factor: 0.1, patience: 10, threshold: 0.0001, min_lr: 0.0)")
        #expect(try Catalog.builtIn.make(\.schedules, "step", ["step_size": 3]).description == "step(step_size: 3, gamma: 0.1)")
        #expect(try Catalog.builtIn.make(\.schedules, "exponential", ["gamma": 0.9]).description == "exponential(gamma: 0.9)")
        #expect(try Catalog.builtIn.make(\.schedules, "warmup").description == "warmup(epochs: 5)")
        #expect(try Catalog.builtIn.make(\.layers, "dropout").description == "dropout(p: 0.5)")
        #expect(try Catalog.builtIn.make(\.layers, "batch_norm").description == "batch_norm(momentum: 0.1, eps: 1e-05)")
        #expect(throws: ExperimentError(file: "", message: "momentum needs 'lr'")) { try Catalog.builtIn.make(\.optimizers, "momentum") }
        #expect(throws: ExperimentError(file: "", message: "unknown optimizer 'nadam' (did you mean 'adam'?); known: adagrad, adam, adamw, momentum, rmsprop, sgd")) {
            try Catalog.builtIn.make(\.optimizers, "nadam")
        }
        #expect(throws: ExperimentError(file: "", message: "unknown key 'lrr' in adam settings (did you mean 'lr'?); known: amsgrad, betas, eps, lr, weight_decay")) {
            try Catalog.builtIn.make(\.optimizers, "adam", ["lrr": 0.1])
        }
    }

    @Test func aNameIsTakenOnceAndBothPlacesAreNamed() throws {
        var catalog = Catalog()
        let first = #line + 1
        try catalog.register(optimizer: SGD.self)
        let second = #line + 1
        #expect { try catalog.register(optimizer: Adam.self, as: "sgd") } throws: { error in
            "\(error)" == "BackpropTests/RegistryTests.swift:\(second): optimizer 'sgd' is registered twice: "
                + "first as an optimizer at BackpropTests/RegistryTests.swift:\(first), again here (Adam)"
        }
        #expect("\(try catalog.make(\.optimizers, "sgd", ["lr": 0.1]))".hasPrefix("sgd("))
        #expect(catalog.optimizers.names == ["sgd"])
    }

    /// Layers and activations are both written in `model:`: a name is one or the other.
    @Test func modelNamesSpanLayersAndActivations() throws {
        var catalog = Catalog.builtInComponents
        #expect { try catalog.register(activation: ReLU.self, as: "dense") } throws: { error in
            "\(error)".contains("activation 'dense' is registered twice: first as a layer at BackpropComponents/LayerRegistry.swift:")
        }
        #expect(!catalog.activations.contains("dense"))
        // Other kinds keep their own names: an optimizer may be called as a loss is.
        try catalog.register(optimizer: SGD.self, as: "mse")
        #expect(catalog.optimizers.contains("mse") && catalog.losses.contains("mse"))
    }

    /// Registering changes only the catalog registered into: a value, not a global.
    @Test func registeringLeavesOtherCatalogsAlone() throws {
        var catalog = Catalog.builtIn
        try catalog.register(optimizer: SGD.self, as: "slow_sgd", presets: ["lr": 0.001])
        #expect(catalog.optimizers.contains("slow_sgd"))
        #expect(!Catalog.builtIn.optimizers.contains("slow_sgd"))
        #expect(throws: ExperimentError.self) { try ExperimentLoader(catalog: .builtIn).parse(Self.withOptimizer("slow_sgd"), file: "e.yaml") }
        #expect(try ExperimentLoader(catalog: catalog).parse(Self.withOptimizer("slow_sgd"), file: "e.yaml").runs.first?.optimizerName == "slow_sgd")
    }

    static func withOptimizer(_ name: String) -> String {
        "name: e\ndataset: xor\nmodel: [{dense: {units: 1}}]\nloss: bce_with_logits\ntrain: {optimizer: \(name)}\n"
    }

    @Test func registrationsThatCannotWorkAreRefused() {
        var catalog = Catalog()
        let cases: [(ConfigValue?, String, String)] = [
            (["lr": -1], "fast_sgd", "its init(settings:) rejects its own defaults (fast_sgd 'lr' must be > 0, found -1)"),
            (["mommentum": 0.9], "fast_sgd", "preset 'mommentum' is not one of its settings; known: dampening, lr, momentum, nesterov, weight_decay"),
            (nil, "Fast SGD", "a name is lowercase letters, digits and '_', starting with a letter"),
            (nil, "2sgd", "a name is lowercase letters, digits and '_', starting with a letter"),
        ]
        for (presets, name, reason) in cases {
            #expect { try catalog.register(optimizer: SGD.self, as: name, presets: presets) } throws: { error in
                "\(error)".hasSuffix(": cannot register SGD as optimizer '\(name)': \(reason)")
            }
        }
        #expect(catalog.optimizers.names.isEmpty)
    }

    @Test func datasetsCannotTakeTheKeysOfDatasetSections() {
        var catalog = Catalog.builtIn
        for key in ["split", "scale", "scale_target"] {
            #expect { try catalog.register(dataset: XORDataset.self, as: key) } throws: { error in
                "\(error)".hasSuffix("cannot register XORDataset as dataset '\(key)': '\(key)' is a key of dataset: beside the source (dataset: {xor: ..., \(key): ...})")
            }
            #expect(!catalog.datasets.contains(key))
        }
    }

    /// A chart's files go beside results.json and report.md: a plugin's chart
    /// must not be able to overwrite them, another chart, or leave the folder.
    @Test func chartFilesAreCheckedBeforeTheyAreWritten() {
        let cases: [(String, [String], Set<String>, String?)] = [
            ("final_loss", ["final_loss.dat", "final_loss_2.dat"], [], nil),
            ("Final Loss", ["a.dat"], [], "its name 'Final Loss' is not lowercase letters, digits and '_'"),
            ("final_loss", ["../escape.dat"], [], "its data file '../escape.dat' is not a lowercase name ending in .dat"),
            ("final_loss", ["results.json"], [], "its data file 'results.json' is not a lowercase name ending in .dat"),
            ("final_loss", ["report.dat", "report.dat"], [], "its data file report.dat is written twice"),
            ("final_loss", ["loss.dat"], ["loss.dat", "loss.gp", "loss.png"], "its data file loss.dat is written twice"),
            ("loss", ["mine.dat"], ["loss.dat", "loss.gp", "loss.png"], "another chart already wrote loss.gp"),
        ]
        for (name, data, taken, expected) in cases {
            let files = ChartFiles(name: name, dataFiles: data.map { ($0, "1 2\n") }, script: "plot 1\n")
            #expect(files.problem(takenNames: taken) == expected, "\(name) \(data)")
        }
    }
}
