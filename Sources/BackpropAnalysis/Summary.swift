import Foundation
import BackpropExperiment
import BackpropStatistics

/// summary.json: per run, the final and best numbers as mean ± std over
/// seeds, and the verdict. "Final" is the epoch a run ended with: its last,
/// or the best validation epoch with `restore_best`; a seed that diverged
/// (without a best epoch to return to) has no final numbers.
package struct Summary: Codable, Sendable {
    package struct Run: Codable, Sendable {
        package var label: String
        package var settings: String
        package var seeds: [UInt64]
        package var finalLoss: Statistic?
        package var bestLoss: Statistic?
        package var finalAccuracy: Statistic?
        package var finalValidationLoss: Statistic?
        package var bestValidationLoss: Statistic?
        package var finalValidationAccuracy: Statistic?
        package var bestValidationAccuracy: Statistic?
        /// RMSE, MAE and R² (regression), on the training and validation sets.
        package var finalRegression: ScoreStatistics?
        package var finalValidationRegression: ScoreStatistics?
        /// Over the seeds that reached `stop.loss_below`; `thresholdReached` says how many did.
        package var epochsToThreshold: Statistic?
        package var secondsToThreshold: Statistic?
        package var thresholdReached: Int
        package var diverged: Int
        package var divergedAtEpochs: [Int]
        package var stopReasons: [String]
        package var epochsRun: Statistic?
        /// With `restore_best`: the epoch each seed ended with.
        package var restoredEpochs: [Int]
        package var trainingSeconds: Statistic?
        package var wallSeconds: Statistic?
        /// Measured once, after training, on the test set.
        package var testLoss: Statistic?
        package var testAccuracy: Statistic?
        package var testRegression: ScoreStatistics?
    }

    /// MSE, RMSE, MAE and R², each mean ± std over seeds.
    package struct ScoreStatistics: Codable, Sendable {
        package var mse: Statistic
        package var rmse: Statistic
        package var mae: Statistic
        package var r2: Statistic

        init?(_ scores: [RegressionScores?]) {
            let all = scores.compactMap { $0 }
            guard let mse = Statistic(all.map(\.mse)), let rmse = Statistic(all.map(\.rmse)), let mae = Statistic(all.map(\.mae)),
                  let r2 = Statistic(all.map(\.r2)) else {
                return nil
            }
            (self.mse, self.rmse, self.mae, self.r2) = (mse, rmse, mae, r2)
        }
    }

    package var experiment: String
    package var description: String
    package var dtype: String
    package var seeds: [UInt64]
    package var trainingSamples: Int
    package var validationSamples: Int
    package var testSamples: Int
    package var wallSeconds: Double
    package var runs: [Run]
    package var verdict: Verdict?
    /// The program that made the results (`Version.description`).
    package var version: String
    /// `ExperimentResult.experimentDigest`: the resolved experiment.
    package var experimentDigest: String
    /// `ExperimentResult.resultsDigest`: every number but timing; equal
    /// digests mean bit-identical results.
    package var resultsDigest: String

    package init(_ result: ExperimentResult) {
        experiment = result.plan.name
        description = result.plan.description
        dtype = result.plan.dtype.rawValue
        seeds = result.plan.seeds
        trainingSamples = result.trainingSamples
        validationSamples = result.validationSamples
        testSamples = result.testSamples
        wallSeconds = result.wallSeconds
        version = result.version
        experimentDigest = result.experimentDigest
        resultsDigest = result.resultsDigest
        runs = result.plan.runs.compactMap { plan in
            let results = result.results(for: plan.label)
            guard !results.isEmpty else { return nil }
            let histories = results.map(\.history)
            let ends = histories.map(\.endRecord)
            func statistic(_ values: [Double?]) -> Statistic? { Statistic(values.compactMap { $0 }) }
            return Run(
                label: plan.label, settings: plan.settingsDescription, seeds: results.map(\.seed),
                finalLoss: statistic(ends.map { $0?.loss }),
                bestLoss: statistic(histories.map { $0.records.map(\.loss).filter(\.isFinite).min() }),
                finalAccuracy: statistic(ends.map { $0?.accuracy }),
                finalValidationLoss: statistic(ends.map { $0?.validationLoss }),
                bestValidationLoss: statistic(histories.map { $0.records.compactMap(\.validationLoss).filter(\.isFinite).min() }),
                finalValidationAccuracy: statistic(ends.map { $0?.validationAccuracy }),
                bestValidationAccuracy: statistic(histories.map { $0.records.compactMap(\.validationAccuracy).max() }),
                finalRegression: ScoreStatistics(ends.map { $0?.regression }),
                finalValidationRegression: ScoreStatistics(ends.map { $0?.validationRegression }),
                epochsToThreshold: statistic(histories.map { $0.thresholdEpoch.map(Double.init) }),
                secondsToThreshold: statistic(histories.map(\.thresholdSeconds)),
                thresholdReached: histories.filter { $0.thresholdEpoch != nil }.count,
                diverged: histories.filter(\.diverged).count,
                divergedAtEpochs: histories.compactMap(\.divergedAtEpoch),
                stopReasons: histories.map(\.stopReason.rawValue),
                epochsRun: statistic(histories.map { $0.last.map { Double($0.epoch) } }),
                restoredEpochs: histories.compactMap(\.restoredEpoch),
                trainingSeconds: statistic(histories.map { $0.last?.seconds }),
                wallSeconds: statistic(results.map(\.wallSeconds)),
                testLoss: statistic(results.map { $0.test?.loss }),
                testAccuracy: statistic(results.map { $0.test?.accuracy }),
                testRegression: ScoreStatistics(results.map { $0.test?.regression }))
        }
        verdict = Verdict(result)
    }


    package func json() throws -> Data {
        try SnakeCaseJSON.encode(self)
    }

    package static func decode(_ data: Data) throws -> Summary {
        try SnakeCaseJSON.decode(Summary.self, from: data)
    }
}
