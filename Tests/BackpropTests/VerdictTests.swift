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

/// The verdict: paired over seeds, never a winner among ties, honest about
/// what the seeds and the held-out set can resolve.
@Suite struct VerdictTests {
    private func setting(_ metric: Metric = .accuracy, _ part: Verdict.Part = .test, samples: Int = 100, seeds: Int) -> Verdict.Setting {
        var setting = Verdict.Setting(metric: metric, part: part, samples: samples, seeds: (1...UInt64(seeds)).map { $0 })
        setting.tieBreakPart = part == .training ? .training : .validation
        return setting
    }

    private func run(_ label: String, _ scores: [Double?], epochs: [Int?]? = nil, loss: [Double?] = [], diverged: Int = 0) -> Verdict.Contender {
        Verdict.Contender(label: label, scores: scores, diverged: diverged, epochsToTarget: epochs, tieBreakLoss: loss)
    }

    /// The README's first command: six runs at 1.00 on every seed. Not a
    /// winner by file order: no winner on accuracy, and the tie-break
    /// (fewest epochs to the loss target) names the fastest.
    @Test func anExactTieHasNoWinnerOnTheMetricAndTheTieBreakNamesTheFastest() throws {
        let verdict = try #require(Verdict([
            run("batch GD", [1, 1, 1], epochs: [298, nil, nil]), run("SGD", [1, 1, 1], epochs: [20, 19, 22]),
            run("Adam", [1, 1, 1], epochs: [88, 78, 97]),
        ], setting: setting(.accuracy, .validation, samples: 40, seeds: 3)))
        #expect(verdict.outcome == .noClearWinner)
        #expect(verdict.winner == "SGD" && verdict.winnerByTieBreak)
        #expect(verdict.ranking.map(\.label) == ["SGD", "Adam", "batch GD"])
        #expect(verdict.ranking.map(\.rank) == [1, 1, 1])
        #expect(verdict.sentence.contains("there is no clear winner on accuracy among SGD, Adam and batch GD at 3 seeds: they score 1.00 on every seed, the metric's limit, so more seeds would not separate them."))
        #expect(verdict.sentence.hasSuffix("By the declared tie-break, fewest epochs to the loss target (median over seeds), then the lower validation loss: **SGD** is first (20 epochs), then Adam (88 epochs)."))
        #expect(!verdict.sentence.contains("wins"))
    }

    /// Three identical Adam runs (one trial under three labels): no winner,
    /// and the tie-break cannot name one either.
    @Test func identicalRunsHaveNoWinnerAndTheTieBreakSaysItCannotSeparateThem() throws {
        let same = [0.93, 0.95, 0.94]
        let verdict = try #require(Verdict([run("Adam A", same, loss: [0.2, 0.2, 0.2]), run("Adam B", same, loss: [0.2, 0.2, 0.2]),
                                            run("Adam C", same, loss: [0.2, 0.2, 0.2])], setting: setting(seeds: 3)))
        #expect(verdict.outcome == .noClearWinner)
        #expect(verdict.sentence.contains("at 3 seeds: they score the same on each of the 3 seeds, too few for the test to decide — use ≥ 7 seeds."))
        #expect(verdict.sentence.contains("The declared tie-break (the lower validation loss) does not separate Adam A and Adam B either: there is no winner"))
        #expect(!verdict.sentence.contains("**Adam A** wins") && !verdict.sentence.contains("second"))
    }

    /// Eight seeds, the leader ahead on every one by far more than the test
    /// set's sampling error: the exact Wilcoxon p (2/2⁸) passes Holm's first
    /// threshold (0.05/2), so both others are behind and the winner is clear.
    @Test func aConsistentLargeDifferenceAtEightSeedsIsAClearWin() throws {
        let leader = [0.95, 0.96, 0.94, 0.95, 0.97, 0.95, 0.96, 0.94]
        let verdict = try #require(Verdict([
            run("B", zip(leader, [0.001, -0.002, 0.003, 0, -0.001, 0.002, -0.003, 0]).map { $0 - 0.10 + $1 }), run("A", leader),
            run("C", leader.enumerated().map { $0.element - 0.2 - Double($0.offset) * 0.001 }),
        ], setting: setting(samples: 449, seeds: 8)))
        #expect(verdict.outcome == .clearWinner && verdict.winner == "A" && !verdict.winnerByTieBreak)
        #expect(verdict.ranking.map(\.standing) == [.leader, .behind, .behind])
        let closest = try #require(verdict.ranking[1].comparison)
        #expect(closest.pairs == 8 && abs(closest.p - 2.0 / 256) < 1e-15 && abs((closest.adjustedP ?? 0) - 4.0 / 256) < 1e-15)
        #expect(verdict.sentence.hasPrefix("On the test set (449 samples), **A** wins with accuracy 0.952 ± 0.010 over 8 seeds; every other run is behind it on the paired evidence (the closest, B: -0.100"))
    }

    /// The same differences at three seeds: the paired test cannot pass
    /// Holm's threshold whatever the numbers, and the report says how many
    /// seeds would do, from the t interval of the observed differences.
    @Test func atThreeSeedsNothingCanBeResolvedAndTheSentenceSaysHowManySeedsWould() throws {
        let verdict = try #require(Verdict([run("A", [0.95, 0.97, 0.93]), run("B", [0.90, 0.91, 0.86])], setting: setting(samples: 449, seeds: 3)))
        #expect(verdict.outcome == .noClearWinner)
        // Differences -0.05, -0.06, -0.07: sd 0.01; (t(0.975, 5) + t(0.8, 5))·0.01/√6 ≈ 0.014 < 0.06 at the minimum of 6.
        let standardDeviation = 0.01
        let expected = try #require(PairedComparison.seedsNeeded(toResolve: -0.06, standardDeviation: standardDeviation, level: 0.95, power: 0.8))
        #expect(abs((verdict.ranking[1].comparison?.standardDeviation ?? 0) - standardDeviation) < 1e-12)
        #expect(verdict.seedsNeeded == expected && expected == 6 && verdict.seedsNeededFor == "B")
        #expect(verdict.sentence.contains("at 3 seeds: with 3 seeds the paired test cannot reach p < 0.05 (its smallest p is 0.25) — about 6 seeds would tell B, the clearest difference, from the leader (80% power)"))
        #expect(!verdict.sentence.contains("differences below"), "below the test's minimum no difference is resolvable")
    }

    /// 0.002 better on every one of 10 seeds is significant, but smaller than
    /// what 449 test samples resolve (√(0.97·0.03/449) ≈ 0.008): not a win,
    /// and more seeds would not make it one.
    @Test func aDifferenceBelowTheTestSetsSamplingErrorIsNotAWin() throws {
        let leader = (0..<10).map { 0.97 + Double($0) * 0.001 }
        let verdict = try #require(Verdict([run("A", leader), run("B", leader.map { $0 - 0.002 })], setting: setting(samples: 449, seeds: 10)))
        let comparison = try #require(verdict.ranking[1].comparison)
        #expect(comparison.p < 0.01)
        let error = try #require(verdict.sampleError)
        #expect(abs(error - (0.9745 * 0.0255 / 449).squareRoot()) < 1e-12)
        #expect(verdict.outcome == .noClearWinner && verdict.seedsNeeded == nil)
        #expect(verdict.sentence.contains("their differences are within the test set's sampling error (0.0074), so more seeds would not separate them; a larger test set could"))
    }

    /// A run that failed on some seeds does not win on the seeds that survived.
    @Test func aRunThatDivergedOnSomeSeedsRanksAfterTheRunsThatFinished() throws {
        let verdict = try #require(Verdict([run("lucky", [0.99, nil, nil, nil], diverged: 3), run("steady", [0.90, 0.91, 0.90, 0.92])],
                                           setting: setting(samples: 10, seeds: 4)))
        #expect(verdict.ranking.map(\.label) == ["steady", "lucky"])
        #expect(verdict.ranking.map(\.standing) == [.leader, .partlyDiverged])
        #expect(verdict.ranking[1].scoreText == "0.990 (3/4 seeds diverged)")
        #expect(verdict.sentence.contains("**steady** wins") && verdict.sentence.contains("every other run diverged on some or all of its seeds"))
    }

    @Test func everyRunDivergedMeansNoWinner() throws {
        let verdict = try #require(Verdict([run("a", [nil, nil], diverged: 2), run("b", [nil, nil], diverged: 2)], setting: setting(seeds: 2)))
        #expect(verdict.outcome == .allDiverged && verdict.winner == nil)
        #expect(verdict.sentence == "On the test set (100 samples), every run diverged: there is no winner.")
    }

    @Test func lowerRMSEWinsAndTrainingVerdictsSaySo() throws {
        let verdict = try #require(Verdict([run("wide", [3, 5, 4, 6, 5, 4]), run("narrow", [1, 1.2, 1.1, 1.0, 1.3, 1.1])],
                                           setting: setting(.rmse, .training, samples: 200, seeds: 6)))
        #expect(verdict.ranking.map(\.label) == ["narrow", "wide"] && verdict.outcome == .clearWinner)
        #expect(verdict.sentence.hasPrefix("There is no held-out data, so this ranks the training set, which rewards fitting it;"))
        #expect(verdict.sentence.contains("**narrow** wins with RMSE 1.12 ± 0.12 over 6 seeds"))
    }

    @Test func aValidationVerdictAfterRestoreBestSaysTheValidationSetChoseTheEpochs() throws {
        var validation = setting(.accuracy, .validation, samples: 30, seeds: 2)
        validation.validationChoseEpochs = true
        let verdict = try #require(Verdict([run("only", [0.9, 0.92])], setting: validation))
        #expect(verdict.notes.contains(Verdict.validationChoseEpochsNote))
    }

    /// A ridge regression better than every network is a row of the ranking
    /// (unranked) and a line of its own; it never wins.
    @Test func aLinearBaselineThatBeatsEveryNetworkIsSaidAndNeverWins() throws {
        let ridge = Verdict.Contender(label: "ridge regression", scores: Array(repeating: 53.1, count: 6), baseline: .linear, detail: "α = 10")
        let verdict = try #require(Verdict([run("Adam", [55, 56, 54.5, 55.5, 56.5, 55]), run("SGD", [58, 59, 57, 58.5, 60, 58]), ridge],
                                           setting: setting(.rmse, .test, samples: 111, seeds: 6)))
        #expect(verdict.ranking.map(\.label) == ["ridge regression", "Adam", "SGD"])
        #expect(verdict.ranking[0].rank == nil && verdict.ranking[0].standing == .baseline && verdict.winner == "Adam")
        #expect(verdict.notes == ["No network beats the linear baseline: ridge regression (α = 10) scores RMSE 53.1 on the test set, the best network (Adam) 55.4 ± 0.7."])
    }

    @Test func statisticsShowThreeSignificantDigitsAndTheSpreadToTheSamePlace() throws {
        #expect(try #require(Statistic([0.0694, 0.0834])).text == "0.0764 ± 0.0099")
        #expect(try #require(Statistic([27380, 27580])).text == "27500 ± 100")
        #expect(try #require(Statistic([0.123456])).text == "0.123")
        #expect(try #require(Statistic([1, 1])).text == "1.00 ± 0.00")
        #expect(try #require(Statistic([0.09996, 0.09996])).text == "0.100 ± 0.000")
        #expect(try #require(Statistic([-0.5, -0.7])).text == "-0.600 ± 0.141")
        #expect(try #require(Statistic([6.4e-5, 6.5e-5])).text == "(6.45 ± 0.07)e-5")
        #expect(formatEpochs(20) == "20" && formatEpochs(20.5) == "20.5")
    }

    /// A sweep chooses on the validation set only: making the validation's
    /// worst setting the best on the test set by far moves nothing it chose,
    /// and the test scores sit beside the ranking.
    @Test func aSweepChoosesOnValidationOnlyAndShowsTestScoresBeside() throws {
        let text = """
            name: lr-sweep
            seeds: [1, 2]
            dataset:
              moons: {samples: 200, noise: 0.2}
              split: {validation: 0.25, test: 0.25, stratify: true}
            model: [{dense: {units: 8, init: he_normal}}, relu, {dense: {units: 1}}]
            loss: bce_with_logits
            train: {epochs: 10, batch: 16}
            runs:
              - {label: momentum, optimizer: {sgd: {momentum: 0.9}}}
              - {label: Adam, optimizer: adam}
            sweep:
              grid: {optimizer.lr: [0.001, 0.01, 0.1]}
            """
        var result = try ExperimentRunner.run(try ExperimentLoader(catalog: .builtIn).parse(text, file: "s.yaml"))
        let verdict = try #require(Verdict(result))
        let networks = verdict.ranking.filter { $0.standing != .baseline }
        #expect(verdict.part == .validation && networks.count == 6 && networks.allSatisfy { $0.testScore != nil })
        let best = try #require(networks.max { ($0.score?.mean ?? 0) < ($1.score?.mean ?? 0) })
        #expect(networks.first { $0.standing == .leader }?.score?.mean == best.score?.mean)
        let worst = try #require(networks.min { ($0.score?.mean ?? 0) < ($1.score?.mean ?? 0) })
        for index in result.runs.indices where result.runs[index].label == worst.label { result.runs[index].test?.accuracy = 1 }
        let again = try #require(Verdict(result))
        #expect(again.ranking.map(\.label) == verdict.ranking.map(\.label) && again.winner == verdict.winner)
        #expect(again.ranking.first { $0.label == worst.label }?.testScore?.mean == 1)
        #expect(SweepScores(result)?.metric == "validation accuracy")
        let report = Report.render(result, summary: Summary(result), charts: [])
        #expect(report.contains("Best setting per contender, by mean final validation accuracy over seeds (higher is better), with its test accuracy, measured once and not used to choose:"))
        #expect(report.contains("| test accuracy (not used to choose) |"))
    }

    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../experiments/data").standardized.path

    /// scikit-learn's diabetes data: a few epochs of a small network do not
    /// reach what a ridge regression does in closed form; the report says so,
    /// and the ridge row is in the ranking, unranked.
    @Test func onDiabetesTheRidgeBaselineBeatsAnUndertrainedNetworkAndTheReportSaysSo() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment("""
            name: diabetes
            seeds: [1, 2, 3]
            dataset:
              csv: {path: \(Self.data)/diabetes.csv, target: progression}
              split: {validation: 0.2, test: 0.25, seed: 7}
              scale: standardize
              scale_target: standardize
            model: [{dense: {units: 8}}, relu, {dense: {units: 1}}]
            loss: mse
            train: {epochs: 5, batch: 32}
            runs:
              - {label: Adam, optimizer: {adam: {lr: 0.001}}}
            """, in: root)
        #expect(result.baselines.map(\.name) == ["mean", "ridge regression"])
        let ridge = try #require(result.baselines.last?.test?.regression)
        let mean = try #require(result.baselines.first?.test?.regression)
        #expect(ridge.rmse < mean.rmse && ridge.r2 > 0.3 && abs(mean.r2) < 0.1)
        let verdict = try #require(Summary(result).verdict)
        #expect(verdict.ranking.first?.label == "ridge regression" && verdict.ranking.first?.rank == nil)
        #expect(verdict.notes.first?.hasPrefix("No network beats the linear baseline: ridge regression (α = ") == true)
        let report = try String(contentsOfFile: directory + "/report.md", encoding: .utf8)
        #expect(report.contains("| – | ridge regression (baseline) | \(formatSignificant(ridge.rmse, digits: 3)) |"))
        #expect(report.contains("**No network beats the linear baseline"))
        // The winner's diagnostics: predicted against actual, of Adam's median seed.
        let chart = try String(contentsOfFile: directory + "/predicted_vs_actual.gp", encoding: .utf8)
        #expect(chart.contains("diabetes: Adam, seed "))
    }

    /// The confusion matrix is the verdict winner's, on its median seed, and
    /// says so; not the first run's first seed.
    @Test func theConfusionMatrixIsTheWinnersOnItsMedianSeed() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment("""
            name: wine
            seeds: [1, 2, 3]
            dataset:
              csv: {path: \(Self.data)/wine.csv, target: cultivar}
              split: {validation: 0.2, test: 0.25, seed: 7, stratify: true}
              scale: standardize
            model: [{dense: {units: 8}}, relu, {dense: {units: 3}}]
            loss: softmax_cross_entropy
            train: {epochs: 3, batch: 16}
            runs:
              - {label: crawl, optimizer: {sgd: {lr: 0.0001}}}
              - {label: Adam, optimizer: {adam: {lr: 0.01}}}
            """, in: root)
        let verdict = try #require(Summary(result).verdict)
        let winner = try #require(verdict.winner)
        #expect(winner == "Adam", "\(verdict.sentence)")
        let (run, _) = try #require(verdict.diagnosedRun(in: result))
        let scores = result.results(for: "Adam").compactMap { $0.test?.accuracy }.sorted()
        #expect(run.label == "Adam" && run.test?.accuracy == scores[1])
        let report = try String(contentsOfFile: directory + "/report.md", encoding: .utf8)
        #expect(report.contains("## Test-set confusion matrix of Adam, seed \(run.seed)"))
        #expect(!report.contains("confusion matrix of crawl"))
        #expect(result.baselines.map(\.name) == ["majority class", "softmax regression"])
    }

    /// Three runs with the same settings are one trial under three labels:
    /// the report names no winner and no runner-up among them.
    @Test func threeIdenticalAdamRunsInOneExperimentHaveNoWinner() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (directory, result, _) = try runExperiment("""
            name: same
            seeds: [1, 2, 3]
            dataset:
              moons: {samples: 120, noise: 0.2}
              split: {test: 0.25}
            model: [{dense: {units: 8}}, relu, {dense: {units: 1}}]
            loss: bce_with_logits
            train: {epochs: 5, batch: 16}
            runs:
              - {label: Adam A, optimizer: adam}
              - {label: Adam B, optimizer: adam}
              - {label: Adam C, optimizer: adam}
            """, in: root)
        let verdict = try #require(Summary(result).verdict)
        #expect(verdict.outcome == .noClearWinner)
        #expect(verdict.ranking.filter { $0.standing != .baseline }.allSatisfy { $0.rank == 1 })
        let report = try String(contentsOfFile: directory + "/report.md", encoding: .utf8)
        #expect(report.contains("does not separate Adam A and Adam B either: there is no winner"))
        #expect(!report.contains("wins") && !report.contains("is second"))
    }

    /// When every run diverged on some seed, none wins on its survivors: the
    /// one that failed least is named for reading, not as a winner.
    @Test func whenEveryRunDivergedSomewhereNoneWins() throws {
        let verdict = try #require(Verdict([run("lucky", [0.99, nil, nil, nil], diverged: 3), run("sturdy", [0.90, 0.91, nil, 0.92], diverged: 1)],
                                           setting: setting(samples: 10, seeds: 4)))
        #expect(verdict.outcome == .noRunFinished && verdict.winner == nil)
        #expect(verdict.ranking.map(\.label) == ["sturdy", "lucky"])
        #expect(verdict.sentence.hasSuffix("every run diverged on at least one seed, so none wins: sturdy fails least (1 of 4 seeds diverged), with accuracy 0.910 ± 0.010 over the seeds that finished."))
    }

    /// A seed with no result (a stopped command) is not a divergence.
    @Test func missingSeedsAreNotDivergence() throws {
        let verdict = try #require(Verdict([Verdict.Contender(label: "A", scores: [0.9, 0.92, nil], missing: 1),
                                            Verdict.Contender(label: "B", scores: [0.8, 0.83, nil], missing: 1)], setting: setting(seeds: 3)))
        #expect(verdict.ranking.map(\.standing) == [.leader, .leadingGroup])
        #expect(Report.standingText(verdict.ranking[0], verdict: verdict) == "leader (best mean) (1 of 3 seeds missing)")
    }

    /// Runs that diverged on every seed have no score to order them by: they share the last rank.
    @Test func runsThatDivergedOnEverySeedShareTheLastRankAndTheWinnerIsNotTheOnlyRun() throws {
        let verdict = try #require(Verdict([run("a", [nil, nil], diverged: 2), run("ok", [0.9, 0.8]), run("b", [nil, nil], diverged: 2)],
                                           setting: setting(seeds: 2)))
        #expect(verdict.ranking.map(\.rank) == [1, 2, 2])
        #expect(verdict.outcome == .clearWinner && verdict.winner == "ok")
        #expect(Report.standingText(verdict.ranking[0], verdict: verdict) == "**winner**")
        #expect(verdict.sentence.hasSuffix("**ok** wins with accuracy 0.850 ± 0.071 over 2 seeds; every other run diverged on some or all of its seeds."))
    }

    /// The tie-break orders by the validation loss, never the test loss: test
    /// losses turned upside down move nothing the verdict chose.
    @Test func theTieBreakNeverUsesTheTestSet() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (_, result, _) = try runExperiment("""
            name: ties
            seeds: [1, 2, 3]
            dataset:
              csv: {path: \(Self.data)/wine.csv, target: cultivar}
              split: {validation: 0.2, test: 0.25, seed: 7, stratify: true}
              scale: standardize
            model: [{dense: {units: 8}}, relu, {dense: {units: 3}}]
            loss: softmax_cross_entropy
            train: {epochs: 20, batch: 16}
            runs:
              - {label: Adam, optimizer: {adam: {lr: 0.01}}}
              - {label: momentum, optimizer: {sgd: {lr: 0.05, momentum: 0.9}}}
              - {label: RMSprop, optimizer: {rmsprop: {lr: 0.01}}}
            """, in: root)
        let verdict = try #require(Verdict(result))
        #expect(verdict.part == .test && verdict.tieBreakPart == .validation && verdict.tieBreak == "the lower validation loss")
        var upsideDown = result
        for index in upsideDown.runs.indices {
            let loss = upsideDown.runs[index].test?.loss ?? 0
            upsideDown.runs[index].test?.loss = 100 - loss
        }
        let again = try #require(Verdict(upsideDown))
        #expect(again.ranking.map(\.label) == verdict.ranking.map(\.label) && again.winner == verdict.winner && again.sentence == verdict.sentence)
    }
}
