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
/// documents it. Registration tests use registries of their own (or fail on
/// the process's): the process's registries stay as the other tests expect.
@Suite struct RegistryTests {
    @Test func everyKindListsItsBuiltInNames() {
        #expect(Registries.optimizers.names == ["adagrad", "adam", "adamw", "momentum", "rmsprop", "sgd"])
        #expect(Set(["dense", "dropout", "batch_norm", "softmax"]).isSubset(of: Registries.layers.names))
        #expect(Registries.activations.names == ["elu", "gelu", "identity", "leaky_relu", "relu", "sigmoid", "softplus", "step", "tanh"])
        #expect(Registries.losses.names == ["bce", "bce_with_logits", "huber", "mse", "softmax_cross_entropy"])
        #expect(Registries.schedules.names == ["constant", "cosine", "exponential", "plateau", "step", "warmup"])
        #expect(Registries.initializers.names.count == 8)
        #expect(Registries.datasets.names == ["blobs", "circles", "csv", "fashion_mnist", "idx", "inline", "linear_regression", "moons",
                                              "sine", "spiral", "teacher", "xor"])
        #expect(Registries.charts.namesInRegistrationOrder == ["loss", "batch_loss", "loss_vs_time", "accuracy", "lr", "grad_norm",
                                                               "decision_boundary", "confusion", "predicted_vs_actual", "sensitivity", "sensitivity_map"])
    }

    @Test func listDocumentsSettingsAndDefaults() throws {
        let lines = Commands.list(.optimizers).output
        #expect(lines.first == "optimizers:")
        #expect(lines.contains("  adam — bias-corrected first and second moments (Kingma & Ba)"))
        #expect(lines.contains("      betas: [0.9, 0.999] (in [0, 1))"))
        #expect(lines.contains("      lr: required (> 0)"))
        // A preset shows as the default: `momentum` is sgd with momentum 0.9.
        let momentum = try #require(lines.firstIndex(of: "  momentum — sgd with momentum 0.9 by default"))
        #expect(lines[momentum + 1...momentum + 2] == ["      lr: required (> 0)", "      momentum: 0.9 (>= 0)"])
        #expect(Commands.list(.layers).output.contains("      units: required (from 1 to 10000000)"))
        #expect(Commands.list(.plots).output.contains("  batch_loss — mean mini-batch loss by epoch, log scale"))
        #expect(Commands.list(nil).output.filter { $0.hasSuffix(":") && !$0.hasPrefix(" ") } == ComponentKind.allCases.map { "\($0.rawValue):" })
    }

    @Test func registryBuildsWithDefaultsOrSaysWhatIsMissing() throws {
        #expect(try Registries.optimizers.make("adam").description == "adam(lr: 0.001, betas: [0.9, 0.999], eps: 1e-08, weight_decay: 0.0, amsgrad: false)")
        #expect(try Registries.optimizers.make("momentum", ["lr": 0.1]).description == "sgd(lr: 0.1, momentum: 0.9, dampening: 0.0, nesterov: false, weight_decay: 0.0)")
        #expect(try Registries.optimizers.make("momentum", ["lr": 0.1, "momentum": 0.5]).description.contains("momentum: 0.5"))
        #expect(try Registries.optimizers.make("rmsprop").description == "rmsprop(lr: 0.01, alpha: 0.99, eps: 1e-08, momentum: 0.0, centered: false, weight_decay: 0.0)")
        #expect(try Registries.optimizers.make("adamw", ["lr": 1e-5]).description == "adamw(lr: 1e-05, betas: [0.9, 0.999], eps: 1e-08, weight_decay: 0.01, amsgrad: false)")
        #expect(try Registries.schedules.make("plateau").description == "plateau(factor: 0.1, patience: 10, threshold: 0.0001, min_lr: 0.0)")
        #expect(try Registries.schedules.make("step", ["step_size": 3]).description == "step(step_size: 3, gamma: 0.1)")
        #expect(try Registries.schedules.make("exponential", ["gamma": 0.9]).description == "exponential(gamma: 0.9)")
        #expect(try Registries.schedules.make("warmup").description == "warmup(epochs: 5)")
        #expect(try Registries.layers.make("dropout").description == "dropout(p: 0.5)")
        #expect(try Registries.layers.make("batch_norm").description == "batch_norm(momentum: 0.1, eps: 1e-05)")
        #expect(throws: ExperimentError(file: "", message: "momentum needs 'lr'")) { try Registries.optimizers.make("momentum") }
        #expect(throws: ExperimentError(file: "", message: "unknown optimizer 'nadam' (did you mean 'adam'?); known: adagrad, adam, adamw, momentum, rmsprop, sgd")) {
            try Registries.optimizers.make("nadam")
        }
        #expect(throws: ExperimentError(file: "", message: "unknown key 'lrr' in adam settings (did you mean 'lr'?); known: amsgrad, betas, eps, lr, weight_decay")) {
            try Registries.optimizers.make("adam", ["lrr": 0.1])
        }
    }

    @Test func aNameIsTakenOnceAndBothPlacesAreNamed() throws {
        let registry = Registry<any OptimizerRule>(kind: "optimizer")
        let first = #line + 1
        try registry.register(SGD.self)
        let second = #line + 1
        #expect { try registry.register(Adam.self, as: "sgd") } throws: { error in
            "\(error)" == "BackpropTests/RegistryTests.swift:\(second): optimizer 'sgd' is registered twice: "
                + "first as an optimizer at BackpropTests/RegistryTests.swift:\(first), again here (Adam)"
        }
        #expect("\(try registry.make("sgd", ["lr": 0.1]))".hasPrefix("sgd("))
        #expect(registry.names == ["sgd"])
    }

    @Test func aSharedNamespaceSpansRegistries() throws {
        let names = RegistryNamespace()
        let layers = Registry<any LayerSpec>(kind: "layer", namespace: names)
        let activations = Registry<any Activation>(kind: "activation", namespace: names)
        try layers.register(DenseSpec.self)
        #expect { try activations.register(ReLU.self, as: "dense") } throws: { error in
            "\(error)".contains("activation 'dense' is registered twice: first as a layer at BackpropTests/RegistryTests.swift:")
        }
        #expect(!activations.contains("dense"))
    }

    @Test func registrationsThatCannotWorkAreRefused() {
        let optimizers = Registry<any OptimizerRule>(kind: "optimizer")
        let cases: [(ConfigValue?, String, String)] = [
            (["lr": -1], "fast_sgd", "its init(settings:) rejects its own defaults (fast_sgd 'lr' must be > 0, found -1)"),
            (["mommentum": 0.9], "fast_sgd", "preset 'mommentum' is not one of its settings; known: dampening, lr, momentum, nesterov, weight_decay"),
            (nil, "Fast SGD", "a name is lowercase letters, digits and '_', starting with a letter"),
            (nil, "2sgd", "a name is lowercase letters, digits and '_', starting with a letter"),
        ]
        for (presets, name, reason) in cases {
            #expect { try optimizers.register(SGD.self, as: name, presets: presets) } throws: { error in
                "\(error)".hasSuffix(": cannot register SGD as optimizer '\(name)': \(reason)")
            }
        }
        #expect(optimizers.names.isEmpty)
        let losses = Registry<any Loss>(kind: "loss")
        #expect { try losses.register(SGD.self) } throws: { error in "\(error)".hasSuffix("cannot register SGD as loss 'sgd': it is not a loss") }
    }

    @Test func datasetsCannotTakeTheKeysOfDatasetSections() {
        for key in ["split", "scale", "scale_target"] {
            #expect(throws: RegistrationError.self) { try Registries.datasets.register(XORDataset.self, as: key) }
            #expect(!Registries.datasets.contains(key))
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
