import BackpropExperiment
import BackpropStatistics

/// A suite's scores: per problem, DeepOBS's performance (final test metric,
/// mean ± std over the rerun seeds) and speed (epochs and seconds to the
/// validation target); across problems, AlgoPerf's performance-profile score
/// of speed, and rank comparisons (Friedman, Nemenyi) of speed and of quality.
///
/// A contender reaches a problem's target only when most of its reruns do
/// (more than half: AlgoPerf's 3 of 5); its time is then the median over
/// the reruns. A problem on which every contender reaches the target within
/// the first epoch cannot tell them apart: it is flagged and left out of the
/// score and the speed ranks.
package struct SuiteScores: Codable, Sendable, Equatable {
    package struct Contender: Codable, Sendable, Equatable {
        package var contender: String
        /// The chosen setting's run label (`Adam lr=0.001`) and its tuned values.
        package var chosen: String
        package var tunedValues: [String: String]
        /// The chosen setting's mean validation score in tuning.
        package var tuningScore: Double?
        /// Final test metric over the rerun seeds; nil when every seed diverged.
        package var testMean: Double?
        package var testStandardDeviation: Double?
        package var seeds: Int
        package var diverged: Int
        /// Per rerun seed, the first epoch that met the target (nil: never).
        package var epochsToTarget: [Int?]
        /// Per rerun seed, training seconds to that epoch (machine-dependent).
        package var secondsToTarget: [Double?]
        /// The median over seeds in the suite's time unit, ∞ when most seeds never reach the target.
        package var time: Double
        /// How many reruns reached the target; the target counts as reached when more than half did.
        package var reached: Int
        /// time / the problem's best time; ∞ for a contender that misses the target.
        package var ratio: Double

        /// The medians over seeds of epochs and seconds to target, ∞ when most seeds never reach it.
        package var medianEpochs: Double { BackpropCore.medianEpochs(epochsToTarget) }
        package var medianSeconds: Double { median(secondsToTarget.map { $0 ?? .infinity }) }
    }

    package struct Problem: Codable, Sendable, Equatable {
        package var name: String
        package var target: String
        /// "test accuracy" or "test RMSE".
        package var testMetric: String
        package var higherIsBetter: Bool
        /// "validation accuracy", ...: what tuning chose by.
        package var tuningMetric: String
        package var contenders: [Contender]
        /// Reruns whose starting weights already meet the target (counted as
        /// reaching it after one epoch): a target too easy to tell contenders apart.
        package var startsAtTarget: Int
        /// Why the problem is left out of the score and the speed ranks (every
        /// contender reaches the target within the first epoch); nil when it counts.
        package var excluded: String?
    }

    package struct Overall: Codable, Sendable, Equatable {
        package var contender: String
        /// One ratio per problem, in problem order (excluded problems too, for reading).
        package var ratios: [Double]
        /// ∫₁⁴ ρ(τ) dτ / 3 over the problems that count.
        package var score: Double
        /// Problems that count whose target it reached (a finite time, however slow).
        package var reached: Int
        /// Its mean rank by speed and by final test quality across problems (1 is best).
        package var speedRank: Double?
        package var qualityRank: Double?
    }

    package var suite: String
    package var timeUnit: String
    package var budget: Int
    package var rerunSeeds: [UInt64]
    package var problems: [Problem]
    package var overall: [Overall]
    /// Friedman test and Nemenyi critical difference of the contenders' ranks
    /// across problems: by time to target, and by final test quality.
    package var speedRanks: RankComparison?
    package var qualityRanks: RankComparison?

    /// The problems the score and the speed ranks count.
    package var counted: [Problem] { problems.filter { $0.excluded == nil } }

    /// Scores from each problem's tuning and rerun results.
    package init(suite: SuitePlan, phases: [(problem: SuiteProblem, tuning: ExperimentResult, rerun: ExperimentResult)]) throws {
        self.suite = suite.name
        timeUnit = suite.timeUnit.rawValue
        budget = suite.budget
        rerunSeeds = suite.rerunSeeds
        var problems: [Problem] = []
        for (problem, tuning, rerun) in phases {
            let classification = rerun.classNames != nil
            let tuningScores = SweepScores(tuning)
            var contenders: [Contender] = []
            var startsAtTarget = 0
            for run in rerun.plan.runs {
                let results = rerun.results(for: run.label)
                let finals = results.map { result -> Double? in
                    guard !result.history.diverged else { return nil }
                    let value = classification ? result.test?.accuracy : result.test?.regression?.rmse
                    return value.flatMap { $0.isFinite ? $0 : nil }
                }
                let statistic = Statistic(finals.compactMap { $0 })
                let reached = results.map { result -> EpochRecord? in
                    guard let record = problem.target.firstReached(in: result.history) else { return nil }
                    // Met by the starting weights: counted as met after the first epoch, the measure's
                    // resolution; a time of 0 would make every other contender's ratio infinite.
                    guard record.epoch == 0 else { return record }
                    startsAtTarget += 1
                    return result.history.records.first { $0.epoch == 1 } ?? record
                }
                let epochs = reached.map { $0?.epoch }
                let seconds = reached.map { $0?.seconds }
                let times = suite.timeUnit == .epochs ? epochs.map { $0.map(Double.init) ?? .infinity } : seconds.map { $0 ?? .infinity }
                contenders.append(Contender(
                    contender: run.contender, chosen: run.label,
                    tunedValues: Dictionary(run.sweepValues.map { ($0.axis, $0.value) }, uniquingKeysWith: { first, _ in first }),
                    tuningScore: tuningScores?.entries.first { $0.run.label == run.label }?.finalMean,
                    testMean: statistic?.mean, testStandardDeviation: statistic?.std, seeds: results.count,
                    diverged: results.filter(\.history.diverged).count, epochsToTarget: epochs, secondsToTarget: seconds,
                    time: Self.time(times), reached: reached.compactMap { $0 }.count, ratio: .infinity))
            }
            let ratios = PerformanceProfile.ratios(times: [contenders.map(\.time)])[0]
            for index in contenders.indices { contenders[index].ratio = ratios[index] }
            // Within the first epoch: the measure's resolution, so no contender can be faster than another.
            let firstEpoch = contenders.allSatisfy { contender in
                contender.time.isFinite && contender.medianEpochs <= 1
            }
            problems.append(Problem(name: problem.name, target: problem.target.description,
                                    testMetric: (classification ? Metric.testAccuracy : .testRMSE).label, higherIsBetter: classification,
                                    tuningMetric: tuningScores?.metric ?? "validation score", contenders: contenders,
                                    startsAtTarget: startsAtTarget,
                                    excluded: firstEpoch ? "every contender reaches the target within the first epoch, the measure's resolution: it cannot tell them apart" : nil))
        }
        self.problems = problems
        let counted = problems.filter { $0.excluded == nil }
        let speed = RankComparison(measure: "time to target", problems: counted.map(\.name), contenders: suite.contenders) { problem, contender in
            // Lower is better; a missed target is the slowest.
            -(counted[problem].contenders.first { $0.contender == contender }?.time ?? .infinity)
        }
        let quality = RankComparison(measure: "final test quality", problems: problems.map(\.name), contenders: suite.contenders) { problem, contender in
            Self.qualityOrder(of: contender, in: problems[problem])
        }
        speedRanks = speed
        qualityRanks = quality
        overall = suite.contenders.enumerated().map { index, contender in
            let entries = problems.map { problem in problem.contenders.first { $0.contender == contender } }
            let ratios = entries.map { $0?.ratio ?? .infinity }
            let countedRatios = zip(problems, ratios).filter { $0.0.excluded == nil }.map(\.1)
            return Overall(contender: contender, ratios: ratios, score: PerformanceProfile.score(countedRatios),
                           reached: zip(problems, entries).filter { $0.0.excluded == nil && $0.1?.time.isFinite == true }.count,
                           speedRank: speed?.meanRanks[index], qualityRank: quality?.meanRanks[index])
        }
    }

    /// A contender's place by final test quality on one problem, as a number
    /// where higher is better: fewer diverged reruns first (a mean over the
    /// survivors would flatter a contender that failed), then the better
    /// mean; every rerun diverged is the worst.
    static func qualityOrder(of contender: String, in problem: Problem) -> Double {
        func key(_ entry: Contender) -> (Int, Double) {
            (entry.diverged, entry.testMean.map { problem.higherIsBetter ? -$0 : $0 } ?? .infinity)
        }
        let keys = problem.contenders.map(key).sorted { $0 < $1 }
        guard let entry = problem.contenders.first(where: { $0.contender == contender }), let place = keys.firstIndex(where: { $0 == key(entry) }) else {
            return -Double(problem.contenders.count)
        }
        return -Double(place)
    }

    /// AlgoPerf's time to target over reruns: the median, which is finite
    /// exactly when more than half of them reach the target (∞ counts as the slowest).
    static func time(_ times: [Double]) -> Double {
        guard !times.isEmpty, times.filter(\.isFinite).count * 2 > times.count else { return .infinity }
        return median(times)
    }

    /// The contenders by score, best first; ties keep the file's order.
    package var ranked: [Overall] {
        overall.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }
}
