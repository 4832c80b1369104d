/// A suite's scores: per problem, DeepOBS's performance (final test metric,
/// mean ± std over the rerun seeds) and speed (epochs and seconds to the
/// validation target); across problems, AlgoPerf's performance-profile score.
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
        /// time / the problem's best time; ∞ for a contender that misses the target.
        package var ratio: Double

        /// The medians over seeds of epochs and seconds to target, ∞ when most seeds never reach it.
        var medianEpochs: Double { median(epochsToTarget.map { $0.map(Double.init) ?? .infinity }) }
        var medianSeconds: Double { median(secondsToTarget.map { $0 ?? .infinity }) }
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
    }

    package struct Overall: Codable, Sendable, Equatable {
        package var contender: String
        /// One ratio per problem, in problem order.
        package var ratios: [Double]
        /// ∫₁⁴ ρ(τ) dτ / 3.
        package var score: Double
        /// Problems whose target it reached (a finite time, however slow).
        package var reached: Int
    }

    package var suite: String
    package var timeUnit: String
    package var budget: Int
    package var rerunSeeds: [UInt64]
    package var problems: [Problem]
    package var overall: [Overall]

    /// Scores from each problem's tuning and rerun results.
    init(suite: SuitePlan, phases: [(problem: SuiteProblem, tuning: ExperimentResult, rerun: ExperimentResult)]) throws {
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
                    time: times.isEmpty ? .infinity : median(times), ratio: .infinity))
            }
            let ratios = PerformanceProfile.ratios(times: [contenders.map(\.time)])[0]
            for index in contenders.indices { contenders[index].ratio = ratios[index] }
            problems.append(Problem(name: problem.name, target: problem.target.description,
                                    testMetric: classification ? "test accuracy" : "test RMSE", higherIsBetter: classification,
                                    tuningMetric: tuningScores?.metric ?? "validation score", contenders: contenders,
                                    startsAtTarget: startsAtTarget))
        }
        self.problems = problems
        overall = suite.contenders.map { contender in
            let entries = problems.map { problem in problem.contenders.first { $0.contender == contender } }
            let ratios = entries.map { $0?.ratio ?? .infinity }
            return Overall(contender: contender, ratios: ratios, score: PerformanceProfile.score(ratios),
                           reached: entries.filter { $0?.time.isFinite == true }.count)
        }
    }

    /// The contenders by score, best first; ties keep the file's order.
    package var ranked: [Overall] {
        overall.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }
}
