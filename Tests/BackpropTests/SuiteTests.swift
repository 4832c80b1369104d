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

/// The suite protocol: the performance-profile scoring against hand-computed
/// values, the suite file's errors, and a whole suite run unsharded, resumed
/// and sharded (which must give the same scores).
@Suite struct SuiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    // MARK: Scoring, by hand

    @Test func ratiosDivideByTheFastestWithInfinityForMissesAndOneForTies() {
        let ratios = PerformanceProfile.ratios(times: [[10, 20, .infinity], [5, 5, 10], [.infinity, .infinity, .infinity], [0, 3, 0]])
        #expect(ratios == [[1, 2, .infinity], [1, 1, 2], [.infinity, .infinity, .infinity], [1, .infinity, 1]])
    }

    @Test func theScoreIsTheAreaUnderTheProfileOverOneToFour() {
        // A: fastest on 2 of 3 problems, misses one: (1 + 1 + 0) / 3.
        #expect(abs(PerformanceProfile.score([1, 1, .infinity]) - 2.0 / 3) < 1e-12)
        // B: twice the fastest once, fastest once: ((4 - 2) / 3 + 1 + 0) / 3.
        #expect(abs(PerformanceProfile.score([2, 1, .infinity]) - (2.0 / 3 + 1) / 3) < 1e-12)
        // Beyond τ = 4 counts as nothing, exactly 4 as nothing, and all-misses is 0.
        #expect(PerformanceProfile.score([5, 4]) == 0)
        #expect(PerformanceProfile.score([.infinity, .infinity]) == 0)
        #expect(PerformanceProfile.score([1]) == 1)
        // The closed form is the integral of ρ: a fine Riemann sum agrees.
        for ratios in [[1, 2.5, .infinity, 3.9], [1.2, 1.2, 1], [3, .infinity]] as [[Double]] {
            let steps = 30_000
            let width = 3.0 / Double(steps)
            let sum = (0..<steps).reduce(0.0) { total, index in
                total + PerformanceProfile.share(ratios, within: 1 + (Double(index) + 0.5) * width) * width
            }
            #expect(abs(sum / 3 - PerformanceProfile.score(ratios)) < 1e-3, "ratios \(ratios)")
        }
    }

    @Test func theProfileStepsAtEachRatio() {
        let steps = PerformanceProfile.steps([2, 1, .infinity, 2])
        #expect(steps.map(\.tau) == [1, 2, 4])
        #expect(steps.map(\.share) == [0.25, 0.75, 0.75])
        #expect(PerformanceProfile.share([2, 1, .infinity], within: 1.5) == 1.0 / 3)
    }

    /// AlgoPerf: a target counts as reached when most reruns reach it (3 of 5),
    /// and the time is then the median over all of them, a miss counting as the slowest.
    @Test func aTargetIsReachedWhenMostRerunsReachIt() {
        #expect(SuiteScores.time([1, 2, .infinity]) == 2)
        #expect(SuiteScores.time([3, 1, 2, .infinity, .infinity]) == 3, "the median of all five, a miss the slowest")
        #expect(SuiteScores.time([1, .infinity, .infinity]) == .infinity)
        #expect(SuiteScores.time([1, 2, .infinity, .infinity]) == .infinity, "half is not most")
        #expect(SuiteScores.time([]) == .infinity)
    }

    /// Demšar's ranks by hand: three problems, three contenders, higher is better.
    /// Problem 1: A 0.9, B 0.8, C 0.7 → ranks 1, 2, 3; problem 2: A 0.5, B 0.6, C 0.6 → 3, 1.5, 1.5;
    /// problem 3: A 0.9, B 0.1, C 0.5 → 1, 3, 2. Mean ranks 5/3, 13/6, 13/6. CD = 2.3437·√(3·4/(6·3)).
    @Test func rankComparisonsRankEachProblemAndDrawTheCriticalDifference() throws {
        let table = [[0.9, 0.8, 0.7], [0.5, 0.6, 0.6], [0.9, 0.1, 0.5]]
        let comparison = try #require(RankComparison(measure: "quality", problems: ["p1", "p2", "p3"], contenders: ["A", "B", "C"]) { table[$0][["A", "B", "C"].firstIndex(of: $1)!] })
        #expect(zip(comparison.meanRanks, [5.0 / 3, 13.0 / 6, 13.0 / 6]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(comparison.criticalDifference - Nemenyi.criticalQ(treatments: 3) * (12.0 / 18).squareRoot()) < 1e-12)
        #expect(abs(Nemenyi.criticalQ(treatments: 3) - 2.3437) < 1e-4)
        #expect(comparison.groups == [[0, 1, 2]], "the ranks span 0.5, well inside the CD of 1.91")
        #expect(RankComparison(measure: "quality", problems: ["p1"], contenders: ["A", "B"]) { _, _ in 1 } == nil)
    }

    /// The CI suite: RMSprop reaches the xor target on 2 of 3 reruns, which is
    /// most of them, so it counts as reached; the report shows the 2/3 and the
    /// test quality beside every ratio.
    @Test func aContenderThatMissesOnAMinorityOfRerunsCountsAndTheReportShowsIt() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let suite = try SuiteLoader.load(path: Self.repository + "/experiments/suites/tiny.yaml", catalog: .builtIn)
        let scores = try #require(try SuiteRunner.run(suite, outputRoot: root).scores)
        var minorities = 0
        for problem in scores.problems {
            for contender in problem.contenders {
                #expect(contender.time.isFinite == (contender.reached * 2 > contender.seeds), "\(problem.name) \(contender.contender)")
                if contender.reached < contender.seeds && contender.time.isFinite { minorities += 1 }
            }
        }
        #expect(minorities > 0, "the tiny suite has a contender that misses on a minority of its reruns")
        let report = SuiteReport.render(scores, suite: suite)
        #expect(report.contains("reruns reached it)"))
        #expect(report.contains("| contender | score (speed) | targets reached | mean rank: speed | mean rank: quality | r (test accuracy) on xor | r (test RMSE) on sine |"))
        #expect(scores.qualityRanks != nil && scores.speedRanks != nil)
    }

    @Test func targetsAreReachedFromTheRightSide() throws {
        func record(_ epoch: Int, accuracy: Double?, loss: Double?) -> EpochRecord {
            EpochRecord(epoch: epoch, step: epoch, seconds: Double(epoch), samplesSeen: 0, learningRate: 0.1, loss: 1,
                        validationLoss: loss, validationAccuracy: accuracy, layerGradientNorms: [])
        }
        let history = TrainingHistory(
            records: [record(0, accuracy: 0.5, loss: 0.9), record(1, accuracy: .nan, loss: 0.5),
                      record(2, accuracy: 0.91, loss: 0.4), record(3, accuracy: 0.95, loss: 0.2)],
            stepLosses: [], stopReason: .completed, divergedAtEpoch: nil, thresholdEpoch: nil, thresholdSeconds: nil, layerNames: [])
        #expect(ProblemTarget(metric: .validationAccuracy, value: 0.9).firstReached(in: history)?.epoch == 2)
        #expect(ProblemTarget(metric: .validationLoss, value: 0.5).firstReached(in: history)?.epoch == 1)
        #expect(ProblemTarget(metric: .validationAccuracy, value: 0.99).firstReached(in: history) == nil)
    }

    /// Several rates often tie on an easy problem's validation accuracy: the
    /// one that reached the target first wins, not the first in the file.
    @Test func tuningChoosesByValidationScoreThenTimeToTargetThenLoss() throws {
        let plan = try ExperimentLoader(catalog: .builtIn).parse(Self.twoContenders + "\nsweep: {grid: {optimizer.lr: [0.1, 0.2, 0.3, 0.4]}}\n", file: "c.yaml")
        func run(_ label: String, accuracies: [Double], loss: Double) -> RunResult {
            let records = accuracies.enumerated().map { epoch, accuracy in
                EpochRecord(epoch: epoch, step: epoch, seconds: Double(epoch), samplesSeen: 0, learningRate: 0.1, loss: 1,
                            validationLoss: epoch == accuracies.count - 1 ? loss : 1, validationAccuracy: accuracy, layerGradientNorms: [])
            }
            let history = TrainingHistory(records: records, stepLosses: [], stopReason: .completed, divergedAtEpoch: nil,
                                          thresholdEpoch: nil, thresholdSeconds: nil, layerNames: [])
            return RunResult(label: label, seed: 1, history: history, wallSeconds: 0)
        }
        let runs = [
            run("sgd lr=0.1", accuracies: [0.5, 0.8, 0.9, 1.0], loss: 0.1),   // ties on accuracy, reaches 0.9 at epoch 2
            run("sgd lr=0.2", accuracies: [0.5, 0.9, 1.0, 1.0], loss: 0.2),   // ties, reaches it at epoch 1: chosen
            run("sgd lr=0.3", accuracies: [0.5, 0.95, 0.95, 0.95], loss: 0.01),
            run("sgd lr=0.4", accuracies: [0.5, 0.9, 1.0, 1.0], loss: 0.3),   // as fast as 0.2, higher loss
            run("adam lr=0.1", accuracies: [0.5, 0.7, 0.8, 0.9], loss: 0.1),
            run("adam lr=0.2", accuracies: [0.5, 0.6, 0.7, 0.9], loss: 0.1),  // a full tie: the file's order
            run("adam lr=0.3", accuracies: [0.5, 0.6, 0.7, 0.85], loss: 0.1),
            run("adam lr=0.4", accuracies: [0.5, 0.6, 0.7, 0.8], loss: 0.1),
        ]
        let result = ExperimentResult(plan: plan, runs: runs, featureNames: ["a", "b"], classNames: ["0", "1"], trainingSamples: 4,
                                      validationSamples: 4, testSamples: 4, points: [], warnings: [], wallSeconds: 0)
        let chosen = SuiteRunner.chosenRuns(result, target: ProblemTarget(metric: .validationAccuracy, value: 0.9))
        #expect(chosen.map(\.label) == ["sgd lr=0.2", "adam lr=0.1"])
    }

    static let twoContenders = validExperiment + """

        runs:
          - {label: sgd, optimizer: sgd}
          - {label: adam, optimizer: adam}
        """

    // MARK: The suite file

    static let problem = """
          - name: xor
            dataset:
              xor: {samples: 80, noise: 0.1}
              split: {validation: 0.25, test: 0.25, stratify: true}
            model: [{dense: {units: 4}}, tanh, {dense: {units: 1}}]
            loss: bce_with_logits
            epochs: 8
            target: {val_accuracy: 0.8}
        """

    static func suite(tuning: String = "tuning: {grid: {optimizer.lr: [0.03, 0.3]}}", seeds: String = "seeds: 2",
                      problems: String = problem, contenders: String = """
                          - {label: SGD, batch: 8, optimizer: sgd}
                          - {label: Adam, batch: 8, optimizer: adam}
                        """) -> String {
        """
        name: t
        \(tuning)
        \(seeds)
        problems:
        \(problems)
          - name: sine
            dataset:
              sine: {samples: 60, noise: 0.1}
              split: {validation: 0.25, test: 0.25}
            model: [{dense: {units: 4}}, tanh, {dense: {units: 1}}]
            loss: mse
            epochs: 8
            target: {val_rmse: 0.5}
        contenders:
        \(contenders)
        """
    }

    /// The tuning's sections keep the file's order, which orders the trials' labels.
    @Test func tuningKeepsTheOrderOfItsSections() throws {
        let plan = try SuiteLoader.parse(Self.suite(tuning: "tuning: {zip: {batch: [4, 8]}, seed: 3, grid: {optimizer.lr: [0.03, 0.3]}}"), file: "s.yaml",
                                         catalog: .builtIn)
        #expect(plan.tuningText == "zip: {batch: [4, 8]}; grid: {optimizer.lr: [0.03, 0.3]}, seed 3")
        #expect(plan.problems[0].tuning.runs.map(\.label).prefix(2) == ["SGD batch=4 lr=0.03", "SGD batch=4 lr=0.3"])
        #expect(plan.problems[0].tuning.seeds == [3])
    }

    @Test(arguments: [
        (suite(problems: problem.replacingOccurrences(of: "epochs: 8", with: "epoch: 8")), "s.yaml:11:5: unknown key 'epoch' in a problem (did you mean 'epochs'?)"),
        (suite(problems: problem.replacingOccurrences(of: "target: {val_accuracy: 0.8}", with: "target: {val_acc: 0.8}")),
         "s.yaml:12:14: unknown target metric 'val_acc'; known: val_accuracy, val_loss, val_rmse"),
        // A metric metrics.csv knows is still no target.
        (suite(problems: problem.replacingOccurrences(of: "target: {val_accuracy: 0.8}", with: "target: {val_r2: 0.8}")),
         "s.yaml:12:14: unknown target metric 'val_r2'; known: val_accuracy, val_loss, val_rmse"),
        (suite(problems: problem.replacingOccurrences(of: "target: {val_accuracy: 0.8}", with: "target: {val_accuracy: 0.8, val_loss: 0.1}")),
         "s.yaml:12:13: target names one validation metric and its value, e.g. {val_accuracy: 0.95}; metrics: val_accuracy, val_loss, val_rmse"),
        (suite(problems: problem.replacingOccurrences(of: "\n    target: {val_accuracy: 0.8}", with: "")), "s.yaml:5:5: every problem needs a validation 'target'"),
        (suite(problems: problem.replacingOccurrences(of: "0.8}", with: "1.5}")), "s.yaml:12:28: target val_accuracy is a share from 0 to 1, found 1.5"),
        (suite(problems: problem.replacingOccurrences(of: "validation: 0.25, ", with: "")), "s.yaml:7:7: problem 'xor' needs a validation split to tune on"),
        (suite(problems: problem.replacingOccurrences(of: "    epochs: 8\n", with: "")), "s.yaml:5:5: problem 'xor' needs an epoch budget"),
        (suite(tuning: "tuning: {grid: {runs.Adam.optimizer.lr: [0.1, 0.01]}}", contenders: "  - {label: SGD, batch: 8, optimizer: {sgd: {lr: 0.1}}}\n  - {label: Adam, optimizer: adam}"),
         "s.yaml:2:9: tuning gives 'SGD' 1 trial(s) but 'Adam' 2"),
        (suite(tuning: "tuning: {grid: {optimizer.lr: []}}"), "s.yaml:2:31: sweep 'optimizer.lr' has no values"),
        (suite(tuning: "tuning: {seed: 1}"), "s.yaml:2:9: tuning needs 'grid:', 'zip:' or 'random:'"),
        (suite(tuning: "tuning: {seed: -1, grid: {optimizer.lr: [0.1]}}"), "s.yaml:2:16: tuning 'seed' must be >= 0, found -1"),
        (suite(tuning: "tuning: {sed: 1, grid: {optimizer.lr: [0.1]}}"), "s.yaml:2:10: unknown key 'sed' in tuning settings (did you mean 'seed'?)"),
        (suite(seeds: "seeds: 0"), "s.yaml:3:8: seeds must be from 1 to 1000 reruns, found 0"),
        (suite(contenders: "  - {label: SGD, batch: 8, optimizer: sdg}"), "s.yaml:22:39: unknown optimizer 'sdg' (did you mean 'sgd'?)"),
        (suite() + "\ntime: hours", "s.yaml:24:7: time must be epochs or seconds, found 'hours'"),
        // Each contender's tuned values are addressed as runs.LABEL.SETTING in the reruns.
        (suite(contenders: "  - {label: '*', optimizer: sgd}"), "s.yaml:22:13: a contender cannot be labelled '*'"),
        (suite(contenders: "  - {label: a, optimizer: sgd}\n  - {label: a.optimizer, optimizer: adam}"),
         "s.yaml:23:13: labels 'a' and 'a.optimizer' clash"),
        // Keys and values of a problem keep their place and their path.
        (suite(problems: problem + "\n    train: {bogus: 1}"), "s.yaml:13:13: unknown key 'bogus' in train"),
        (suite(problems: problem.replacingOccurrences(of: "epochs: 8", with: "epochs: many")), "s.yaml:11:13: 'problems.0.epochs' must be a whole number"),
        (validExperiment, "s.yaml:3:1: this is an experiment file ('dataset:' is an experiment's key): `backprop run` or `backprop sweep` takes it"),
    ])
    func badSuitesSayWhereAndWhy(text: String, expected: String) {
        do {
            _ = try SuiteLoader.parse(text, file: "s.yaml", catalog: .builtIn)
            Issue.record("no error; expected \(expected)")
        } catch {
            #expect("\(error)".hasPrefix(expected), "got: \(error)")
            #expect(error is any BadInputError)
        }
    }

    /// What only the data can tell is checked before anything trains.
    @Test(arguments: [
        (problem.replacingOccurrences(of: "val_accuracy: 0.8", with: "val_rmse: 0.5"), "s.yaml:12:13: target val_rmse needs a regression problem"),
        (problem.replacingOccurrences(of: ", test: 0.25", with: ""), "s.yaml:7:7: problem 'xor' has no test set"),
    ])
    func targetsAndTestSetsMustFitTheData(problem: String, expected: String) throws {
        let root = try temporaryDirectory()
        let suite = try SuiteLoader.parse(Self.suite(problems: problem), file: "s.yaml", catalog: .builtIn)
        do {
            _ = try SuiteRunner.run(suite, outputRoot: root)
            Issue.record("no error; expected \(expected)")
        } catch {
            #expect("\(error)".hasPrefix(expected), "got: \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/t"), "trained or wrote before the check")
    }

    @Test func problemsFromOneExperimentFileNeedNamesAndMergeItsTrainKeys() throws {
        let root = try temporaryDirectory()
        try (validExperiment.replacingOccurrences(of: "inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0]}",
                                                  with: "xor: {samples: 40}\n  split: {validation: 0.25, test: 0.25}")
             .replacingOccurrences(of: "epochs: 5", with: "epochs: 5\n  shuffle: false"))
            .write(toFile: root + "/e.yaml", atomically: true, encoding: .utf8)
        let twice = """
            name: t
            tuning: {grid: {optimizer.lr: [0.1]}}
            problems:
              - {experiment: e.yaml, target: {val_accuracy: 0.6}}
              - {experiment: e.yaml, target: {val_accuracy: 0.7}}
            contenders:
              - {label: sgd, optimizer: sgd}
            """
        #expect(throws: ExperimentError.self) { try SuiteLoader.parse(twice, file: root + "/s.yaml", baseDirectory: root, catalog: .builtIn) }
        // The problem's train keys go over the experiment's: its epochs and shuffle stay.
        let merged = try SuiteLoader.parse(twice.replacingOccurrences(of: "  - {experiment: e.yaml, target: {val_accuracy: 0.7}}\n", with: "")
            .replacingOccurrences(of: "{experiment: e.yaml,", with: "{experiment: e.yaml, train: {batch: 2},"),
            file: root + "/s.yaml", baseDirectory: root, catalog: .builtIn)
        let run = try #require(merged.problems.first?.tuning.runs.first)
        #expect(run.epochs == 5 && !run.shuffle && "\(run.batch)" == "2")
    }

    @Test func aTargetMetByTheStartingWeightsCountsAsOneEpochNotAnInfiniteRatio() throws {
        let root = try temporaryDirectory()
        let suite = try SuiteLoader.parse(Self.suite(problems: Self.problem.replacingOccurrences(of: "val_accuracy: 0.8", with: "val_accuracy: 0")),
                                          file: "s.yaml", catalog: .builtIn)
        let scores = try #require(try SuiteRunner.run(suite, outputRoot: root).scores)
        let xor = scores.problems[0]
        #expect(xor.startsAtTarget == 4)
        #expect(xor.contenders.map(\.ratio) == [1, 1])
        // Every contender meets it within the first epoch: the problem cannot tell them apart, and only sine counts.
        #expect(xor.excluded != nil && scores.counted.map(\.name) == ["sine"])
        #expect(scores.overall.allSatisfy { $0.score == PerformanceProfile.score([$0.ratios[1]]) && $0.reached <= 1 })
        #expect(scores.speedRanks == nil, "one problem counts: nothing to rank across")
        let report = SuiteReport.render(scores, suite: suite)
        #expect(report.contains("**Note:** the starting weights of 4 rerun(s) already meet the target"))
        #expect(report.contains("**Left out of the score and the speed ranks:** xor — every contender reaches the target within the first epoch."))
    }

    @Test func eachProblemIsAnExperimentFileOfItsOwn() throws {
        let suite = try SuiteLoader.parse(Self.suite(), file: "s.yaml", catalog: .builtIn)
        #expect(suite.contenders == ["SGD", "Adam"])
        #expect(suite.budget == 2)
        #expect(suite.rerunSeeds == [1, 2])
        let tuning = suite.problems[0].tuning
        // results.json keeps the experiment's text: it parses alone, to the same trials.
        let again = try ExperimentLoader(catalog: .builtIn).parse(tuning.source, file: "again.yaml")
        #expect(again.identity == tuning.identity)
        #expect(again.runs.map(\.identity) == tuning.runs.map(\.identity))
        #expect(again.runs.map(\.label) == ["SGD lr=0.03", "SGD lr=0.3", "Adam lr=0.03", "Adam lr=0.3"])
        // A rerun of a chosen setting is the same trial as its tuning run.
        let rerun = try suite.problems[0].rerunPlan(chosen: [tuning.runs[1], tuning.runs[2]], seeds: [1, 2, 3])
        #expect(rerun.runs.map(\.label) == ["SGD lr=0.3", "Adam lr=0.03"])
        #expect(rerun.runs.map(\.identity) == [tuning.runs[1].identity, tuning.runs[2].identity])
        #expect(rerun.seeds == [1, 2, 3])
    }

    @Test func theShippedSuitesLoad() throws {
        let folder = ReadmeTests.repository.appendingPathComponent("experiments/suites").path
        let small = try SuiteLoader.load(path: folder + "/small.yaml", catalog: .builtIn)
        #expect(small.problems.map(\.name) == ["xor", "spiral", "sine", "wine", "fashion"])
        #expect(small.contenders.count == 8)
        #expect(small.budget == 8)  // DeepOBS's grid, 1e-5 to 1e2
        #expect(small.rerunSeeds == Array(1...10))
        // The wine problem comes from its experiment file, data path and all.
        let wine = small.problems[3].tuning
        #expect(wine.split?.test != nil && FileManager.default.fileExists(atPath: wine.baseDirectory + "/data/wine.csv"))
        let tiny = try SuiteLoader.load(path: folder + "/tiny.yaml", catalog: .builtIn)
        #expect(tiny.problems.count == 2 && tiny.budget == 4)
    }

    /// A description or label with ``` would open a code block that swallows the report.
    @Test func markdownInUserTextIsEscaped() {
        #expect(Report.escape("```\n# hi | x") == "\\`\\`\\` # hi \\| x")
    }

    @Test func yamlTextReadsBackToTheSameValues() throws {
        let text = "{a: [1, 0.10, -2e-3, true, null, 'x: y, z', \"q\\\"uote\\n\", he_normal, 'it''s'], b: {c: ~}}"
        let value = try #require(try YAMLReader.read(text, file: "v.yaml"))
        let again = try #require(try YAMLReader.read(value.yamlText, file: "w.yaml"))
        #expect(again.canonical == value.canonical)
        #expect(again.yamlText == value.yamlText)
    }

    // MARK: Whole suites

    @Test func aShardedSuiteScoresAsTheWholeOneAndAResumedOneTrainsNothing() throws {
        let root = try temporaryDirectory()
        let suite = try SuiteLoader.parse(Self.suite(), file: root + "/t.yaml", catalog: .builtIn)
        let whole = try SuiteRunner.run(suite, outputRoot: root + "/whole")
        let scores = try #require(whole.scores)
        // 2 problems x 2 contenders x (2 tuning trials + 1 new rerun seed: seed 1 is the tuning trial).
        #expect(whole.trained == 2 * 2 * 3)
        #expect(scores.problems.map(\.name) == ["xor", "sine"])
        #expect(scores.overall.allSatisfy { (0...1).contains($0.score) })
        let resumed = try SuiteRunner.run(suite, outputRoot: root + "/whole")
        #expect(resumed.trained == 0)
        #expect(resumed.scores == scores)

        // Two rounds of two shards (tuning, then the reruns), then the report run.
        var trained = 0
        for round in 1...2 {
            for index in 1...2 {
                let shard = try SuiteRunner.run(suite, outputRoot: root + "/sharded", options: .init(shard: try Shard(index: index, count: 2)))
                trained += shard.trained
                if round == 1 && index == 1 { #expect(shard.scores == nil && !shard.waiting.isEmpty) }
            }
        }
        let merged = try SuiteRunner.run(suite, outputRoot: root + "/sharded")
        #expect(merged.trained == 0)
        #expect(trained == whole.trained)
        // Training seconds are the machine's, not the protocol's: everything else is equal.
        func withoutSeconds(_ scores: SuiteScores?) -> SuiteScores? {
            guard var scores else { return nil }
            for problem in scores.problems.indices {
                for contender in scores.problems[problem].contenders.indices {
                    scores.problems[problem].contenders[contender].secondsToTarget = []
                }
            }
            return scores
        }
        #expect(withoutSeconds(merged.scores) == withoutSeconds(scores))
        #expect(merged.scores?.overall.map(\.score) == scores.overall.map(\.score))

        // The report, the scores file and the chart's data, written and read back.
        let written = try SuiteReport.write(scores, suite: suite, to: root + "/report", gnuplot: nil)
        #expect(written.files.contains("report.md") && written.files.contains("profile.gp"))
        let decoded = try SuiteReport.decode(try Data(contentsOf: URL(fileURLWithPath: root + "/report/suite.json")))
        #expect(decoded == scores)
        let report = try String(contentsOfFile: root + "/report/report.md", encoding: .utf8)
        #expect(report.contains("## Scores") && report.contains("## Problem xor") && report.contains("![performance profiles](profile.png)"))
        let blocks = try String(contentsOfFile: root + "/report/profile.dat", encoding: .utf8).components(separatedBy: "\n\n\n")
        #expect(blocks.count == 2)
    }
}
