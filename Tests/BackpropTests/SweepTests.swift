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

/// The sweep space, trial keys, shards, merge and the CI gate's statistics,
/// in process; SweepProcessTests runs the real binary (kill, resume, shards).
@Suite struct SweepTests {
    static let twoRuns = validExperiment + """

        runs:
          - {label: sgd, optimizer: {sgd: {lr: 0.5}}}
          - {label: adam, optimizer: adam}
        """

    @Test func gridZipRandomModelAndRunPathsCombine() throws {
        let plan = try ExperimentLoader(catalog: .builtIn).parse(Self.twoRuns + """

            sweep:
              grid: {model.0.dense.units: [2, 8]}
              zip: {optimizer.lr: [0.1, 0.01], epochs: [3, 6]}
              random: {trials: 2, seed: 4, space: {runs.sgd.optimizer.momentum: {uniform: [0.5, 0.99]}}}
            """, file: "sweep.yaml")
        // sgd: 2 units x 2 zipped pairs x 2 random momenta; adam: no random factor.
        #expect(plan.runs.filter { $0.contender == "sgd" }.count == 8)
        #expect(plan.runs.filter { $0.contender == "adam" }.map(\.label) == [
            "adam units=2 lr=0.1 epochs=3", "adam units=2 lr=0.01 epochs=6", "adam units=8 lr=0.1 epochs=3", "adam units=8 lr=0.01 epochs=6",
        ])
        let first = try #require(plan.runs.first)
        #expect(first.label.hasPrefix("sgd units=2 lr=0.1 epochs=3 momentum="))
        #expect(first.sweepValues.map(\.axis) == ["model.0.dense.units", "optimizer.lr", "epochs", "runs.sgd.optimizer.momentum"])
        let momentum = try #require(first.sweepValues.last?.number)
        #expect(momentum >= 0.5 && momentum < 0.99)
        #expect(first.optimizer.description.contains("momentum: \(first.sweepValues.last?.value ?? "")"))
        #expect(first.model?.first?.spec.parameterCount(inputSize: 2) == 6, "dense with 2 units on 2 inputs")
        #expect(plan.runs[7].epochs == 6 && plan.runs[7].model?.first?.spec.parameterCount(inputSize: 2) == 24)
        #expect(plan.sweepAxes == ["model.0.dense.units", "optimizer.lr", "epochs", "runs.sgd.optimizer.momentum"])
    }

    @Test func randomTrialsAreSeededDistinctAndInRange() throws {
        func draw(seed: Int) throws -> [String] {
            try ExperimentLoader(catalog: .builtIn).parse(validExperiment + """

                sweep:
                  random: {trials: 12, seed: \(seed), space: {optimizer.lr: {log_uniform: [1e-5, 1]}, batch: {choice: [1, 2, full]}, epochs: {int_uniform: [2, 4]}}}
                """, file: "random.yaml").runs.map(\.label)
        }
        let labels = try draw(seed: 7), again = try draw(seed: 7), other = try draw(seed: 8)
        #expect(labels == again && labels != other)
        #expect(Set(labels).count == 12)
        let plan = try ExperimentLoader(catalog: .builtIn).parse(validExperiment + "\nsweep:\n  random: {trials: 12, seed: 7, space: {optimizer.lr: {log_uniform: [1e-5, 1]}, epochs: {int_uniform: [2, 4]}}}\n", file: "r.yaml")
        for run in plan.runs {
            let lr = try #require(run.sweepValues[0].number)
            #expect(lr >= 1e-5 && lr <= 1 && (2...4).contains(run.epochs))
        }
        let spread = plan.runs.compactMap { $0.sweepValues[0].number }
        #expect((spread.max() ?? 0) / (spread.min() ?? 1) > 100, "log-uniform over 5 decades spreads over more than 2")
    }

    @Test(arguments: [
        ("zip: {optimizer.lr: [0.1, 0.2], epochs: [1]}", "exp.yaml:17:43: zip pairs values by position: 'epochs' has 1 values, 'optimizer.lr' has 2"),
        ("grid: {runs.sdg.optimizer.lr: [0.1]}", "exp.yaml:17:10: unknown run label in sweep path 'sdg' (did you mean 'sgd'?); known: adam, sgd"),
        ("grid: {model.0.relu.units: [2]}", "exp.yaml:17:10: sweep path 'model.0.relu.units': layer 0 is 'dense', not 'relu'"),
        ("grid: {model.7.dense.units: [2]}", "exp.yaml:17:10: sweep path 'model.7.dense.units': the model has layers 0 to 2"),
        ("grid: {model.units: [2]}", "exp.yaml:17:10: sweep path 'model.units' names a layer setting as model.INDEX.LAYER.SETTING"),
        ("random: {seed: 1, space: {optimizer.lr: {uniform: [0, 1]}}}", "exp.yaml:17:11: sweep random needs 'trials'"),
        ("random: {trials: 2, space: {optimizer.lr: {log_uniform: [0, 1]}}}", "exp.yaml:17:60: sweep random 'optimizer.lr': log_uniform needs low > 0, found 0"),
        ("random: {trials: 2, seed: -3, space: {optimizer.lr: {log_uniform: [0.1, 1]}}}", "exp.yaml:17:29: sweep random 'seed' must be >= 0, found -3"),
        ("random: {trials: 2, space: {optimizer.lr: {uniform: [1, 0.5]}}}", "exp.yaml:17:55: sweep random 'optimizer.lr': low 1 must be below high 0.5"),
        ("random: {trials: 2, space: {optimizer.lr: {normal: [1, 2]}}}", "exp.yaml:17:46: unknown distribution 'normal'; known: choice, int_uniform, log_uniform, uniform"),
        ("random: {trials: 3, space: {batch: {choice: [1, 2]}}}", "exp.yaml:17:20: sweep random space holds only 2 distinct points; ask for at most that many trials"),
        ("grid: {optimizer.lr: [0.1]}\n  zip: {optimizer.lr: [0.2]}", "exp.yaml:18:9: sweep sets 'optimizer.lr' twice"),
        ("{}", "exp.yaml:17:3: sweep needs 'grid:', 'zip:' or 'random:'"),
        // One value or one setting written two ways is still one: the trials would repeat.
        ("grid: {optimizer.lr: [0.1, 0.10]}", "exp.yaml:17:30: sweep 'optimizer.lr' lists 0.10 twice"),
        ("grid: {optimizer.lr: [0.1], optimizer: [adam, sgd]}", "exp.yaml:17:31: sweep sets 'optimizer.lr' and, above it, 'optimizer': one would overwrite the other"),
        ("grid: {batch: [1, 2], train.batch: [3]}", "exp.yaml:17:25: sweep sets 'train.batch' twice (also as 'batch')"),
        ("grid: {runs.*.epochs: [1], runs.adam.epochs: [2]}", "exp.yaml:17:30: sweep sets 'runs.adam.epochs' twice (also as 'runs.*.epochs')"),
        ("grid: {model.0.dense.units: [1], model.00.dense.units: [2]}", "exp.yaml:17:36: sweep sets 'model.00.dense.units' twice (also as 'model.0.dense.units')"),
        ("random: {trials: 2, space: {epochs: {int_uniform: [0, 9223372036854775807]}}}", "exp.yaml:17:53: sweep random 'epochs': int_uniform spans at most 4294967295 values"),
    ])
    func badSweepsSayWhereAndWhy(sweep: String, expected: String) {
        let message = parseError(Self.twoRuns + "\nsweep:\n  " + sweep)
        #expect(message.hasPrefix(expected), "got: \(message)")
    }

    /// A trial's key names its numbers: reordering runs, keys, seeds and grid
    /// values or renaming changes none; editing one value changes only its trials.
    @Test func trialKeysFollowWhatMakesTheNumbersNotWhereItIsWritten() throws {
        func keys(_ text: String) throws -> [String: String] {
            let plan = try ExperimentLoader(catalog: .builtIn).parse(text, file: "k.yaml")
            var keys: [String: String] = [:]
            for run in plan.runs {
                for seed in plan.seeds { keys["\(run.label) \(seed)"] = TrialKey.make(plan: plan, run: run, seed: seed, dataDigest: "d") }
            }
            return keys
        }
        let original = Self.twoRuns.replacingOccurrences(of: "seeds: [1]", with: "seeds: [1, 2]") + "\nsweep:\n  grid: {optimizer.lr: [0.1, 0.01], epochs: [3, 5]}\n"
        let reordered = original
            .replacingOccurrences(of: "  - {label: sgd, optimizer: {sgd: {lr: 0.5}}}\n  - {label: adam, optimizer: adam}",
                                  with: "  - {optimizer: adam, label: adam}\n  - {label: sgd, optimizer: {sgd: {lr: 0.50}}}")
            .replacingOccurrences(of: "seeds: [1, 2]", with: "seeds: [2, 1]")
            .replacingOccurrences(of: "name: check", with: "name: renamed\ndescription: other words")
            .replacingOccurrences(of: "grid: {optimizer.lr: [0.1, 0.01], epochs: [3, 5]}", with: "grid: {epochs: [5, 3], optimizer.lr: [1e-2, 0.10]}")
        let before = try keys(original), after = try keys(reordered)
        #expect(before.count == 16 && Set(before.values).count == 16)
        for (label, key) in before {
            let parts = label.split(separator: " ")  // "sgd lr=0.1 epochs=3 1"
            let lr = parts[1] == "lr=0.1" ? "lr=0.10" : "lr=1e-2"
            #expect(after["\(parts[0]) \(parts[2]) \(lr) \(parts[3])"] == key, "\(label)")
        }
        func canonical(_ text: String) -> String { ConfigValue(.scalar(text, plain: true)).canonical }
        #expect(canonical("9007199254740992") != canonical("9007199254740993"), "whole numbers beyond 2^53 stay apart")
        #expect(canonical("1") == canonical("1.0") && canonical("0.1") == canonical("1e-1") && canonical("1_000") == canonical("1000"))
        let edited = try keys(original.replacingOccurrences(of: "{lr: 0.5}", with: "{lr: 0.5, momentum: 0.9}"))
        #expect(before.filter { edited[$0.key] != $0.value }.keys.allSatisfy { $0.hasPrefix("sgd") })
        #expect(before.filter { edited[$0.key] == $0.value }.keys.allSatisfy { $0.hasPrefix("adam") })
        #expect(before.filter { edited[$0.key] != $0.value }.count == 8)
    }

    @Test func shardsDealJobsByKeyAndCostWhateverTheOrder() throws {
        var random = RandomGenerator(seed: 3)
        let jobs = (0..<37).map { index in Shard.Job(key: String(format: "%016x", random.next()), cost: Double(1 + index % 5)) }
        var shuffled = jobs
        random.shuffle(&shuffled)
        var seen: [String] = []
        var loads: [Double] = []
        for index in 1...4 {
            let shard = try Shard(index: index, count: 4)
            let mine = shard.select(jobs).map { jobs[$0].key }
            #expect(Set(mine) == Set(shard.select(shuffled).map { shuffled[$0].key }), "the deal does not depend on the order")
            seen += mine
            loads.append(shard.select(jobs).map { jobs[$0].cost }.reduce(0, +))
        }
        #expect(seen.count == jobs.count && Set(seen) == Set(jobs.map(\.key)), "every job in exactly one shard")
        #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= 5, "loads differ by at most the largest job: \(loads)")
    }

    @Test func shardArgumentsAndSchedulerVariables() throws {
        func message(_ body: () throws -> Shard) -> String {
            do { return "\(try body())" } catch { return "\(error)" }
        }
        #expect(message { try Shard(parsing: "3/2") } == "shard 3/2 does not exist: K in K/N counts from 1 to N (2 shards)")
        #expect(message { try Shard(parsing: "0/2") }.hasPrefix("shard 0/2 does not exist"))
        #expect(message { try Shard(parsing: "2") }.hasPrefix("shard '2' is not K/N"))
        #expect(message { try Shard(parsing: "1/0") } == "shard count must be at least 1, found 0")
        #expect(message { try Shard(parsing: "1/100000000000") } == "at most 100000 shards, found 100000000000")
        #expect(message { try ShardRequest.auto.resolve(environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2",
                                                                      "SLURM_ARRAY_TASK_MIN": "-9223372036854775808"]) }
                .hasSuffix("not a whole number of a reasonable size"))
        #expect(message { try ShardRequest.auto.resolve(environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2",
                                                                      "SLURM_ARRAY_TASK_STEP": "0"]) }
                == "--shard auto: SLURM_ARRAY_TASK_STEP is 0; a job array's step is at least 1")
        let auto = ShardRequest.auto
        #expect(try auto.resolve(environment: ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_COUNT": "4"])
                == Shard(index: 3, count: 4))
        #expect(try auto.resolve(environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_STEP": "2",
                                               "SLURM_ARRAY_TASK_COUNT": "3"]) == Shard(index: 3, count: 3))
        #expect(try auto.resolve(environment: ["JOB_COMPLETION_INDEX": "0"], count: 5) == Shard(index: 1, count: 5))
        #expect(try auto.resolve(environment: ["JOB_COMPLETION_INDEX": "4", "BACKPROP_SHARDS": "5"]) == Shard(index: 5, count: 5))
        #expect(try auto.resolve(environment: ["PARALLEL_SEQ": "2", "BACKPROP_SHARDS": "3"]) == Shard(index: 2, count: 3))
        #expect(try auto.resolve(environment: ["BACKPROP_SHARD_INDEX": "1", "BACKPROP_SHARDS": "2"]) == Shard(index: 2, count: 2))
        #expect(message { try auto.resolve(environment: ["JOB_COMPLETION_INDEX": "5"], count: 5) }
                == "--shard auto (Kubernetes completion index 5): shard 6/5 does not exist: K in K/N counts from 1 to N (5 shards)")
        #expect(message { try auto.resolve(environment: ["PARALLEL_SEQ": "2"]) }.hasPrefix("--shard auto: PARALLEL_SEQ gives this task's index but not the number of shards"))
        #expect(message { try auto.resolve(environment: ["SLURM_ARRAY_TASK_ID": "x1"]) } == "--shard auto: SLURM_ARRAY_TASK_ID is 'x1', not a whole number of a reasonable size")
        #expect(message { try auto.resolve(environment: [:]) }.hasPrefix("--shard auto found no scheduler's variables"))
    }

    /// Shards merged, in process: the same numbers as the whole sweep, and a
    /// missing shard is status 1 with the missing trials named.
    @Test func mergedShardsEqualTheWholeSweepAndMissingOnesAreNamed() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/sweep.yaml"
        try (validExperiment.replacingOccurrences(of: "name: check", with: "name: sweepy").replacingOccurrences(of: "seeds: [1]", with: "seeds: [1, 2]")
             + "\nsweep:\n  grid: {optimizer.lr: [0.1, 0.03, 0.01]}\n").write(toFile: path, atomically: true, encoding: .utf8)
        _ = try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/whole", sweep: Commands.SweepOptions(), progress: SilentProgress())
        let whole = try Summary.decode(try Data(contentsOf: URL(fileURLWithPath: root + "/whole/sweepy/summary.json")))
        var folders: [String] = []
        for index in 1...3 {
            let options = Commands.SweepOptions(shard: .fixed(try Shard(index: index, count: 3)))
            let outcome = try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", sweep: options, progress: SilentProgress())
            folders.append(root + "/plots/sweepy/shards/\(index)-of-3")
            #expect(outcome.output == ["report: \(folders.last ?? "")/report.md"])
            #expect(try ResultsFile.read(directory: folders.last ?? "", catalog: .builtIn).runs.count == 2, "6 jobs dealt 2 per shard")
        }
        let partial = try Commands(catalog: .builtIn).merge(directories: Array(folders.prefix(2)), outputRoot: root + "/partial")
        #expect(partial.status == 1 && partial.messages.first?.hasPrefix("error: 2 of 6 trial(s) are in none of these folders: ") == true)
        #expect(!FileManager.default.fileExists(atPath: root + "/partial/sweepy/summary.json"), "a refused merge writes nothing")
        #expect(try Commands(catalog: .builtIn).merge(directories: Array(folders.prefix(2)), outputRoot: root + "/partial", partial: true).status == 0)
        let merged = try Commands(catalog: .builtIn).merge(directories: folders, outputRoot: root + "/plots")
        #expect(merged.status == 0 && merged.output == ["report: \(root)/plots/sweepy/report.md"])
        let summary = try Summary.decode(try Data(contentsOf: URL(fileURLWithPath: root + "/plots/sweepy/summary.json")))
        #expect(summary.resultsDigest == whole.resultsDigest && summary.experimentDigest == whole.experimentDigest)
        #expect(summary.runs.map(\.label) == ["adam lr=0.1", "adam lr=0.03", "adam lr=0.01"])
        // Another experiment's shard is refused, in one line.
        try (String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "epochs: 5", with: "epochs: 6"))
            .write(toFile: root + "/other.yaml", atomically: true, encoding: .utf8)
        _ = try Commands(catalog: .builtIn).run(path: root + "/other.yaml", outputRoot: root + "/other", sweep: Commands.SweepOptions(), progress: SilentProgress())
        let refusal = #expect(throws: OutputError.self) {
            try Commands(catalog: .builtIn).merge(directories: [folders[0], root + "/other/sweepy"], outputRoot: root + "/mixed")
        }
        #expect(refusal?.message.contains("merge only shards of one experiment file") == true)
        // So is a shard made by another version of the program.
        let stored = folders[1] + "/results.json"
        let text = try String(contentsOfFile: stored, encoding: .utf8)
        try text.replacingOccurrences(of: "\"version\":\"\(Version.description(of: .builtIn))\"", with: "\"version\":\"0.2.0 (source 0123456789abcdef)\"")
            .write(toFile: stored, atomically: true, encoding: .utf8)
        let versions = #expect(throws: OutputError.self) { try Commands(catalog: .builtIn).merge(directories: folders, outputRoot: root + "/mixed") }
        #expect(versions?.message.hasPrefix("made by backprop 0.2.0 (source 0123456789abcdef), but") == true, "\(String(describing: versions))")
    }

    /// Two runs with the same settings are one trial: trained once, reported twice.
    @Test func identicalRunsAreOneTrial() throws {
        let text = validExperiment + "\nruns:\n  - {label: a, optimizer: adam}\n  - {label: b, optimizer: adam}\n"
        let result = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(text, file: "same.yaml"))
        #expect(result.runs.map(\.label) == ["a", "b"])
        #expect(result.runs[0].trialKey == result.runs[1].trialKey && result.runs[0].history.records.map(\.loss) == result.runs[1].history.records.map(\.loss))
    }

    @Test func mannWhitneyMatchesSciPyExact() {
        // scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='exact') 1.17.1
        let cases: [([Double], [Double], Int, Double)] = [
            ([1.1, 2.3, 0.5, 4.0], [3.0, 5.5, 6.1, 7.2, 2.0], 3, 0.1111111111111111),
            ([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 0, 0.007936507936507936),
            ([10, 12, 11, 14, 13, 15], [9, 8, 12.5, 7, 10.5], 26, 0.05194805194805195),
        ]
        for (x, y, u, p) in cases {
            let result = MannWhitney.test(x, y)
            #expect(result.u == u && abs(result.p - p) < 1e-12, "\(x) vs \(y): \(result)")
        }
        // Beyond 20 a side, the normal approximation (scipy: method='asymptotic', use_continuity=False).
        let large = MannWhitney.test((0..<25).map(Double.init), (0..<25).map { Double($0) + 6.5 })
        #expect(large.u == 171 && abs(large.p - 0.006041816435766498) < 1e-12, "\(large)")
        #expect(MannWhitney.test([3, 3, 3], [3, 3, 3]).p == 1)
        #expect(MannWhitney.test([.infinity, .infinity, .infinity, .infinity, .infinity], [1, 2, 3, 4, 5]).p < 0.01)
        #expect(abs(MannWhitney.smallestP(3, 3) - 0.1) < 1e-12)
    }

    @Test func aRegressionIsWorseByTheFactorAndSignificant() {
        let options = Commands.CheckOptions(factor: 1.2, alpha: 0.05)
        func compare(_ old: [Double], _ new: [Double]) -> Commands.Comparison {
            Commands.Comparison(baseline: old, current: new, floor: 1, options: options)
        }
        // 3 seeds: too few for the test; complete separation decides.
        #expect(compare([10, 11, 12], [15, 16, 17]).isRegression)
        #expect(!compare([10, 11, 16], [15, 16, 17]).isRegression, "overlapping seeds are noise")
        #expect(!compare([10, 11, 12], [12.5, 13, 13.5]).isRegression, "separated but within the factor")
        #expect(compare([10, 11, 12], [.infinity, .infinity, .infinity]).isRegression, "never reaching the target is infinitely slow")
        #expect(compare([.infinity, .infinity, .infinity], [.infinity, .infinity, .infinity]).verdict == "same")
        #expect(compare([20, 21, 22], [10, 11, 12]).isImprovement)
        // 5 seeds: the Mann–Whitney U test.
        #expect(compare([10, 11, 12, 13, 14], [15, 16, 17, 18, 19]).isRegression)
        #expect(!compare([10, 11, 12, 13, 30], [15, 16, 17, 18, 9]).isRegression)
    }

    @Test func sensitivityChartsAndTheSweepSectionShowTheBestSettings() throws {
        let labels = (1...9).map { "run\($0)" }
        let runs = labels.map { "  - {label: \($0), optimizer: sgd}" }.joined(separator: "\n")
        let text = validExperiment.replacingOccurrences(of: "  optimizer: {adam: {lr: 0.01}}", with: "")
            .replacingOccurrences(of: "seeds: [1]", with: "seeds: [1, 2]").replacingOccurrences(of: "epochs: 5", with: "epochs: 8")
            + "\nruns:\n\(runs)\nsweep:\n  grid: {optimizer.lr: [0.001, 0.1, 1], batch: [1, 4]}\n"
        let result = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(text, file: "s.yaml"))
        let sensitivity = try #require((try Catalog.builtIn.make(\.charts, "sensitivity")).draw(result))
        #expect(sensitivity.script.contains("set logscale x"), "0.001 to 1 spans three decades")
        #expect(sensitivity.script.contains("layout 6,3"), "9 contenders x 2 axes: a panel each")
        #expect(sensitivity.dataFiles[0].contents.contains("# run9 along batch"))
        let map = try #require((try Catalog.builtIn.make(\.charts, "sensitivity_map")).draw(result))
        #expect(map.dataFiles.count == 9 && map.script.contains("set xtics ('0.001' 0, '0.1' 1, '1' 2)"))
        let scores = try #require(SweepScores(result))
        #expect(scores.metric == "training accuracy" && scores.numericAxes == ["optimizer.lr", "batch"])
        let report = Report.render(result, summary: Summary(result), charts: [])
        // No validation split: nothing is chosen, on the test set or the training set.
        #expect(report.contains("This sweep has no validation split, so it chooses no setting"))
        #expect(!report.contains("Best setting per contender"))
        let verdict = try #require(Summary(result).verdict)
        #expect(verdict.outcome == .cannotChoose && verdict.winner == nil)
        #expect(verdict.ranking.allSatisfy { $0.rank == nil && $0.comparison == nil && [.unranked, .baseline].contains($0.standing) })
        #expect(!report.contains("leader (best mean)") && !report.contains("not told apart") && report.contains("Nothing here is ranked"))
        #expect(report.contains("(15 of 54 runs shown; every one is in summary.json.)"))
        // Without a sweep, neither chart has anything to draw.
        let plain = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(validExperiment, file: "p.yaml"))
        let chart = try Catalog.builtIn.make(\.charts, "sensitivity")
        #expect(chart.draw(plain) == nil && !chart.isInformative(for: plain))
    }
}
