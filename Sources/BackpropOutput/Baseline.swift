import Foundation
import BackpropAnalysis

/// A committed record of how a sweep converged, for `backprop check`: per
/// run, per seed, the epochs to the target (`stop.loss_below`; never reached
/// is infinitely many) and the held-out error (1 − accuracy, or RMSE, on the
/// test set, else on the validation set at the epoch the run ended with; a
/// diverged run's is infinite). Quantities that do not depend on the
/// machine: never seconds.
package struct Baseline: Codable, Sendable, Equatable {
    package static let format = "backprop-baseline/1"

    package struct Run: Codable, Sendable, Equatable {
        package var seeds: [UInt64]
        /// Epochs until the training loss fell below the run's target; nil without one.
        package var epochsToTarget: [Double]?
        package var heldOutError: [Double]?
    }

    package var format: String
    package var experiment: String
    /// The program that made it (informational: the gate compares across versions).
    package var madeBy: String
    /// What `heldOutError` measures, e.g. "test error (1 - accuracy)".
    package var heldOut: String?
    /// Errors below this are not told apart (one held-out sample's worth of accuracy).
    package var errorFloor: Double
    package var runs: [String: Run]

    package init(_ result: ExperimentResult) {
        format = Self.format
        experiment = result.plan.name
        madeBy = result.version
        let classification = result.classNames != nil
        let onTest = result.testSamples > 0
        let samples = onTest ? result.testSamples : result.validationSamples
        let measure = classification ? "error (1 - accuracy)" : "RMSE"
        heldOut = samples > 0 ? "\(onTest ? "test" : "validation") \(measure)" : nil
        errorFloor = classification && samples > 0 ? 1 / Double(samples) : 1e-12
        var runs: [String: Run] = [:]
        for plan in result.plan.runs {
            let results = result.results(for: plan.label)
            guard !results.isEmpty else { continue }
            let epochs = plan.stopping.lossBelow.map { _ in results.map { $0.history.thresholdEpoch.map(Double.init) ?? .infinity } }
            let errors: [Double]? = samples == 0 ? nil : results.map { run in
                if onTest {
                    guard let test = run.test else { return .infinity }
                    return classification ? 1 - (test.accuracy ?? 0) : test.regression?.rmse ?? .infinity
                }
                guard let end = run.history.endRecord else { return .infinity }
                return (classification ? end.validationAccuracy.map { 1 - $0 } : end.validationRegression?.rmse) ?? .infinity
            }
            runs[plan.label] = Run(seeds: results.map(\.seed), epochsToTarget: epochs, heldOutError: errors)
        }
        self.runs = runs
    }

    package static func read(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(path: path, message: "no baseline here; make one with `backprop check DIR --baseline \(path) --update`")
        }
        let decoder = ResultsFile.decoder
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let baseline = try? decoder.decode(Baseline.self, from: data), baseline.format == format else {
            throw OutputError(path: path, message: "not a backprop baseline (\(format)); make one with --update")
        }
        guard baseline.errorFloor.isFinite && baseline.errorFloor >= 0 else {
            throw OutputError(path: path, message: "damaged baseline: error_floor must be a number >= 0")
        }
        for (label, run) in baseline.runs {
            for values in [run.epochsToTarget, run.heldOutError].compactMap({ $0 }) where values.isEmpty || values.contains(where: { $0.isNaN || $0 < 0 }) {
                throw OutputError(path: path, message: "damaged baseline: run '\(label)' has an empty list, a negative value or nan; make it again with --update")
            }
        }
        return baseline
    }

    /// How many quantities it holds: a baseline of none would pass any gate.
    package var quantities: Int {
        runs.values.reduce(0) { $0 + ($1.epochsToTarget == nil ? 0 : 1) + ($1.heldOutError == nil ? 0 : 1) }
    }

    package func write(path: String) throws {
        let encoder = ResultsFile.encoder
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try AtomicFile.write(try encoder.encode(self) + Data("\n".utf8), to: path)
    }
}
