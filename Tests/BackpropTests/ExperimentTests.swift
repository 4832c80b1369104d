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

/// A minimal valid experiment; tests replace one line to make it wrong.
let validExperiment = """
    name: check
    seeds: [1]
    dataset:
      inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}
    model:
      - dense: {units: 4}
      - tanh
      - dense: {units: 1}
    loss: bce_with_logits
    train:
      epochs: 5
      optimizer: {adam: {lr: 0.01}}
    """

/// The first error in `text`, as `backprop validate` would find it before
/// loading data: the loader's, then the charts'.
func parseError(_ text: String, file: String = "exp.yaml") -> String {
    do {
        _ = try LoadedExperiment(plan: ExperimentLoader(catalog: .builtIn).parse(text, file: file))
        return "no error"
    } catch {
        return "\(error)"
    }
}

@Suite struct ExperimentDecodingTests {
    @Test func validExperimentParses() throws {
        let plan = try ExperimentLoader(catalog: .builtIn).parse(validExperiment, file: "exp.yaml")
        #expect(plan.name == "check")
        #expect(plan.runs.count == 1 && plan.runs[0].label == "adam")
        #expect(plan.runs[0].epochs == 5 && plan.runs[0].batch == .samples(32))
        #expect(plan.model.map(\.name) == ["dense", "tanh", "dense"])
    }

    @Test(arguments: [
        ("train:\n  optimizer: {adma: {lr: 0.01}}", "exp.yaml:2:15: unknown optimizer 'adma' (did you mean 'adam'?); known: adagrad, adam, adamw, momentum, rmsprop, sgd"),
        ("train:\n  optimizer: {sgd: {lr: -1}}", "exp.yaml:2:25: sgd 'lr' must be > 0, found -1"),
        ("train:\n  optimizer: {sgd: {momentum: 0.9}}", "exp.yaml:2:15: sgd needs 'lr'"),
        ("train:\n  optimizer: {step: {lr: 0.1}}", "exp.yaml:2:15: unknown optimizer 'step'; known: adagrad, adam, adamw, momentum, rmsprop, sgd"),
        ("train:\n  optimizer: adam\n  schedule: {step: {stepsize: 3}}", "exp.yaml:3:14: step needs 'step_size' (is 'stepsize' a typo for it?)"),
        ("train:\n  optimizer: adam\nsweep: {grid: {optimizer.lr.x: [1]}}", "exp.yaml:3:16: sweep path 'optimizer.lr.x' goes below 'lr', which holds a single value"),
        ("train:\n  optimizer: adam\nsweep: {grid: {optimizer.lr: [0.1, 0.1]}}", "exp.yaml:3:36: sweep 'optimizer.lr' lists 0.1 twice: its runs would repeat"),
        ("train:\n  optimizer: adam\n  stop: {loss_below: 0.1}\nsweep: {grid: {stop.loss_below.z: [1]}}", "exp.yaml:4:16: sweep path 'stop.loss_below.z' goes below 'loss_below', which holds a single value"),
        ("train:\n  optimizer: adam\nruns: [{label: ''}]", "exp.yaml:3:16: a run's label names its curve and cannot be empty"),
        ("train:\n  optimizer: {sgd: {lr: 0.1, nesterov: true}}", "exp.yaml:2:40: nesterov needs momentum > 0 and dampening 0"),
        ("train:\n  optimizer: {adam: {betas: [0.9, 1.0]}}", "exp.yaml:2:35: adam 'betas' must be in [0, 1), found 1.0"),
        ("train:\n  optimizer: {adam: {lr: fast}}", "exp.yaml:2:26: 'train.optimizer.adam.lr' must be a number, found 'fast'"),
        ("train:\n  epochs: 0\n  optimizer: adam", "exp.yaml:2:11: train 'epochs' must be from 1 to 10000000, found 0"),
        ("train:\n  batch: half\n  optimizer: adam", "exp.yaml:2:10: batch is 'full', 1 (stochastic) or a number of samples >= 1, found 'half'"),
        ("train:\n  epoch: 3\n  optimizer: adam", "exp.yaml:2:3: unknown key 'epoch' in train (did you mean 'epochs'?); known: batch, clip, epochs, optimizer, record_steps, restore_best, schedule, shuffle, stop"),
        ("train:\n  optimizer: adam\n  schedule: {cosine: {warm_up: 3}}", "exp.yaml:3:23: unknown key 'warm_up' in cosine settings (did you mean 'warmup'?); known: eta_min, t_max, warmup"),
        ("train:\n  optimizer: adam\n  clip: {norm: 1, value: 2}", "exp.yaml:3:9: clip takes one of 'norm' or 'value', e.g. clip: {norm: 5.0}"),
        ("train:\n  optimizer: adam\n  stop: {patience: 3}", "exp.yaml:3:20: stop 'patience' goes with 'min_delta'"),
        ("train:\n  optimizer: adam\n  stop: {patience: 0, min_delta: 0.1}", "exp.yaml:3:20: stop 'patience' must be >= 1, found 0"),
        // A misspelt key is named before the checks that span keys would blame its absence.
        ("train:\n  optimizer: adam\n  stop: {min_delt: 0.1, patience: 3}", "exp.yaml:3:10: unknown key 'min_delt' in stop settings (did you mean 'min_delta'?); known: diverge_factor, loss_below, max_seconds, min_delta, patience"),
        ("train:\n  optimizer: adam\n  clip: {nrom: 1}", "exp.yaml:3:10: unknown key 'nrom' in clip settings (did you mean 'norm'?); known: norm, value"),
        ("train:\n  optimizer: adam\n  clip: {}", "exp.yaml:3:9: clip takes one of 'norm' or 'value', e.g. clip: {norm: 5.0}"),
        ("train:\n  optimizer: adam\nruns:\n  - {label: a}\n  - {label: a}", "exp.yaml:5:13: two runs are labelled 'a'; labels name the curves and must differ"),
        ("train:\n  optimizer: adam\nruns:\n  - {batch: 2}", "exp.yaml:4:5: every run needs a 'label'"),
        ("train:\n  optimizer: adam\nplots: [loss, decision]", "exp.yaml:3:15: unknown plot 'decision'; known: accuracy, batch_loss, confusion, decision_boundary, grad_norm, loss, loss_vs_time, lr, predicted_vs_actual, sensitivity, sensitivity_map"),
        ("train:\n  epochs: 5", "exp.yaml:1:1: the experiment has no optimizer: set 'optimizer' under train: (or list runs: with one each)"),
        ("train:\n  epochs: 5\nruns:\n  - {label: a}", "exp.yaml:4:13: run 'a' has no optimizer: set 'optimizer' under train: or in the run"),
        ("train:\n  optimizer: {momentum: {lr: 0.1, nesterov: true, dampening: 0.5}}", "exp.yaml:2:45: nesterov needs momentum > 0 and dampening 0"),
        ("plots: [{loss: {log: true}}]\ntrain: {optimizer: adam}", "exp.yaml:1:17: unknown key 'log' in loss settings; it takes no settings"),
    ] as [(String, String)])
    func trainSectionErrorsArePositioned(trainSection: String, expected: String) {
        let text = """
            name: check
            dataset: {inline: {inputs: [[0], [1]], targets: [0, 1]}}
            model: [{dense: {units: 1}}]
            loss: bce_with_logits
            """
        // The train section comes first, so its line numbers are those of the snippet.
        #expect(parseError(trainSection + "\n" + text) == expected)
    }

    /// The file's own sections are read through `Settings`, as components are,
    /// so each can document its keys with their defaults and ranges.
    @Test func sectionsDescribeTheirKeys() {
        func listed<Section: FileSection>(_ section: Section.Type) -> [String] {
            section.descriptions.map { "\($0.name): \($0.defaultValue) (\($0.constraint))" }
        }
        #expect(listed(StoppingCriteria.self) == ["loss_below: none (> 0)", "min_delta: none (> 0)", "patience: 5 (>= 1)", "max_seconds: none (> 0)",
                                                  "diverge_factor: 1000 (> 0)"])
        #expect(listed(GradientClipping.self) == ["norm: none (> 0)", "value: none (> 0)"])
        #expect(listed(CheckpointSection.self) == ["every: required (>= 1)"])
        let size = "none (a fraction in (0, 1) or a number of samples from 1 to 10000000)"
        #expect(listed(SplitPlan.self) == ["validation: \(size)", "test: \(size)", "seed: 24301 (>= 0)", "stratify: false (true or false)"])
        #expect(listed(TuningSection.self) == ["seed: 1 (>= 0)"] + ["grid", "zip", "random"].map { "\($0): none (as under an experiment's sweep:)" })
    }

    /// The valid experiment, one top-level key per line in this order (so line
    /// numbers are fixed: name 1, seeds 2, dataset 3, model 4, loss 5, train 6),
    /// with some values replaced and extra keys appended.
    static func document(_ overrides: [String: String], extra: String = "") -> String {
        let defaults = [
            ("name", "check"), ("seeds", "[1]"),
            ("dataset", "{inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}}"),
            ("model", "[{dense: {units: 4}}, tanh, {dense: {units: 1}}]"), ("loss", "bce_with_logits"),
            ("train", "{epochs: 5, optimizer: {adam: {lr: 0.01}}}"),
        ]
        return defaults.map { "\($0.0): \(overrides[$0.0] ?? $0.1)" }.joined(separator: "\n") + (extra.isEmpty ? "" : "\n" + extra)
    }

    @Test(arguments: [
        (["name": "Check Me"], "", "exp.yaml:1:7: name 'Check Me' may use only a-z, 0-9, '-' and '_', at most 100 of them (it names the folder plots/<name>/)"),
        (["name": "../escape"], "", "exp.yaml:1:7: name '../escape' may use only a-z, 0-9, '-' and '_', at most 100 of them (it names the folder plots/<name>/)"),
        ([:], "modle: []", "exp.yaml:7:1: unknown key 'modle' in the experiment (did you mean 'model'?); known: checkpoint, dataset, description, dtype, fail_on_divergence, loss, metrics, model, name, plots, runs, seeds, sweep, train"),
        ([:], "dtype: float16", "exp.yaml:7:8: dtype must be float32 or float64, found 'float16'"),
        (["seeds": "[1, -2]"], "", "exp.yaml:2:12: seeds must be >= 0, found -2"),
        (["dataset": "{xor: {samples: 20}, split: {test: 0.2, seed: -1}}"], "", "exp.yaml:3:56: split 'seed' must be >= 0, found -1"),
        (["seeds": "[1, 2, 1]"], "", "exp.yaml:2:15: seed 1 is listed twice: its runs would repeat"),
        (["model": "[{dense: {units: 100000}}, tanh, {dense: {units: 1}}]"], "", "no error"),
        (["dataset": "xor"], "", "no error"),
        ([:], "sweep:\n  grid: {stop.loss_below: [0.1, 0.2]}", "no error"),
        ([:], "sweep:\n  grid: {optimizer.lr: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], optimizer.eps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], epochs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], batch: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], shuffle: [true, false], stop.loss_below: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}", "exp.yaml:8:10: the sweep makes 200000 runs (1 run(s) x every combination); at most 100000"),
        (["dataset": "{xorr: {samples: 10}}"], "", "exp.yaml:3:11: unknown dataset 'xorr'"),
        (["dataset": "{inline: {inputs: [[0], [1]], targets: [0]}}"], "", "exp.yaml:3:49: inline has 2 inputs but 1 targets"),
        (["model": "[{dense: {units: 4}}, relux]"], "", "exp.yaml:4:30: unknown layer 'relux' (did you mean 'relu'?)"),
        (["model": "[{dense: {units: 0}}]"], "", "exp.yaml:4:25: dense 'units' must be from 1 to 10000000, found 0"),
        (["model": "[{dense: {units: 2, weights: [[1, 2], [3]]}}]"], "", "exp.yaml:4:37: dense 'weights' rows have different lengths"),
        (["model": "[{dense: {units: 3, weights: [[1, 2], [3, 4]]}}]"], "", "exp.yaml:4:37: dense 'weights' has 2 rows, one per unit is needed (units: 3)"),
        (["model": "[{dense: {units: 4, init: he_normall}}]"], "", "exp.yaml:4:34: unknown initializer 'he_normall' (did you mean 'he_normal'?)"),
        (["loss": "cross_entropy"], "", "exp.yaml:5:7: unknown loss 'cross_entropy'"),
        (["model": "[dense: {units: 4}"], "", "exp.yaml:5:1: YAML syntax: "),
        ([:], "runs:\n  - {label: a, optimizer: sgd}", "exp.yaml:8:27: sgd needs 'lr'"),
        ([:], "sweep:\n  grid: {optimiser.lr: [0.1]}", "exp.yaml:8:10: unknown key 'optimiser'"),
        (["model": "[{dense: {units: 9223372036854775807}}]"], "", "exp.yaml:4:25: dense 'units' must be from 1 to 10000000, found 9223372036854775807"),
        (["dataset": "{spiral: {samples: 1000000000000}}"], "", "exp.yaml:3:29: spiral 'samples' must be from 1 to 10000000, found 1000000000000"),
        (["train": "{epochs: 1e12, optimizer: adam}"], "", "exp.yaml:6:17: train 'epochs' must be from 1 to 10000000, found 1e12"),
        (["name": "check\nname: again"], "", "exp.yaml:1:1: duplicate key 'name': each key may appear once in a mapping"),
    ] as [([String: String], String, String)])
    func documentErrorsArePositioned(overrides: [String: String], extra: String, expected: String) {
        let message = parseError(Self.document(overrides, extra: extra))
        #expect(message.hasPrefix(expected), "got: \(message)")
    }

    @Test func sweepExpandsTheGridOverEveryRun() throws {
        let plan = try ExperimentLoader(catalog: .builtIn).parse(validExperiment + """

            runs:
              - {label: sgd, optimizer: {sgd: {lr: 0.5}}}
              - {label: adam, optimizer: adam, batch: 2}
            sweep:
              grid: {optimizer.lr: [0.1, 0.01], batch: [1, full]}
            """, file: "sweep.yaml")
        #expect(plan.runs.map(\.label) == [
            "sgd lr=0.1 batch=1", "sgd lr=0.1 batch=full", "sgd lr=0.01 batch=1", "sgd lr=0.01 batch=full",
            "adam lr=0.1 batch=1", "adam lr=0.1 batch=full", "adam lr=0.01 batch=1", "adam lr=0.01 batch=full",
        ])
        #expect(plan.runs[2].optimizer.description.hasPrefix("sgd(lr: 0.01,"))
        #expect(plan.runs[5].optimizer.description.hasPrefix("adam(lr: 0.1,"))
        #expect(plan.runs[5].batch == .full && plan.runs[4].batch == .samples(1))
        #expect(plan.sweepAxes == ["optimizer.lr", "batch"])
    }
}
