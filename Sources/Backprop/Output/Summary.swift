import Foundation

/// summary.json: per run, the final and best numbers as mean ± std over seeds.
public struct Summary: Codable, Sendable {
    public struct Run: Codable, Sendable {
        public var label: String
        public var settings: String
        public var seeds: [UInt64]
        public var finalLoss: Statistic?
        public var bestLoss: Statistic?
        public var finalAccuracy: Statistic?
        public var finalValidationLoss: Statistic?
        public var bestValidationAccuracy: Statistic?
        /// Over the seeds that reached `stop.loss_below`; `thresholdReached` says how many did.
        public var epochsToThreshold: Statistic?
        public var secondsToThreshold: Statistic?
        public var thresholdReached: Int
        public var diverged: Int
        public var divergedAtEpochs: [Int]
        public var stopReasons: [String]
        public var epochsRun: Statistic?
        public var trainingSeconds: Statistic?
        public var wallSeconds: Statistic?
        public var testLoss: Statistic?
        public var testAccuracy: Statistic?
    }

    public var experiment: String
    public var description: String
    public var dtype: String
    public var seeds: [UInt64]
    public var trainingSamples: Int
    public var validationSamples: Int
    public var testSamples: Int
    public var wallSeconds: Double
    public var runs: [Run]

    public init(_ result: ExperimentResult) {
        experiment = result.plan.name
        description = result.plan.description
        dtype = result.plan.dtype.rawValue
        seeds = result.plan.seeds
        trainingSamples = result.trainingSamples
        validationSamples = result.validationSamples
        testSamples = result.testSamples
        wallSeconds = result.wallSeconds
        runs = result.plan.runs.map { plan in
            let results = result.results(for: plan.label)
            let histories = results.map(\.history)
            let finished = histories.filter { !$0.diverged }
            func statistic(_ values: [Double?]) -> Statistic? { Statistic(values.compactMap { $0 }) }
            return Run(
                label: plan.label, settings: plan.settingsDescription, seeds: results.map(\.seed),
                finalLoss: statistic(histories.map { $0.records.last(where: { $0.loss.isFinite })?.loss }),
                bestLoss: statistic(histories.map { $0.records.map(\.loss).filter(\.isFinite).min() }),
                finalAccuracy: statistic(finished.map { $0.last?.accuracy }),
                finalValidationLoss: statistic(finished.map { $0.last?.validationLoss }),
                bestValidationAccuracy: statistic(histories.map { $0.records.compactMap(\.validationAccuracy).max() }),
                epochsToThreshold: statistic(histories.map { $0.thresholdEpoch.map(Double.init) }),
                secondsToThreshold: statistic(histories.map(\.thresholdSeconds)),
                thresholdReached: histories.filter { $0.thresholdEpoch != nil }.count,
                diverged: histories.filter(\.diverged).count,
                divergedAtEpochs: histories.compactMap(\.divergedAtEpoch),
                stopReasons: histories.map(\.stopReason.rawValue),
                epochsRun: statistic(histories.map { $0.last.map { Double($0.epoch) } }),
                trainingSeconds: statistic(histories.map { $0.last?.seconds }),
                wallSeconds: statistic(results.map(\.wallSeconds)),
                testLoss: statistic(results.map { $0.test?.loss }),
                testAccuracy: statistic(results.map { $0.test?.accuracy }))
        }
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> Summary {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Summary.self, from: data)
    }
}
