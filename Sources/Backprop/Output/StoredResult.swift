import Foundation

/// results.json: everything needed to redraw the report without training again
/// (`backprop plot`, and `backprop merge` of sweep shards). The experiment is
/// stored as its source text and parsed again when read.
public struct StoredResult: Codable, Sendable {
    public var source: String
    public var file: String
    public var baseDirectory: String
    public var runs: [RunResult]
    public var featureNames: [String]
    public var classNames: [String]?
    public var trainingSamples: Int
    public var validationSamples: Int
    public var testSamples: Int
    public var points: [LabeledPoint]
    public var warnings: [String]
    public var wallSeconds: Double

    public init(_ result: ExperimentResult) {
        source = result.plan.source
        file = result.plan.file
        baseDirectory = result.plan.baseDirectory
        runs = result.runs
        featureNames = result.featureNames
        classNames = result.classNames
        trainingSamples = result.trainingSamples
        validationSamples = result.validationSamples
        testSamples = result.testSamples
        points = result.points
        warnings = result.warnings
        wallSeconds = result.wallSeconds
    }

    public func experimentResult() throws -> ExperimentResult {
        let plan = try ExperimentLoader.parse(source, file: file, baseDirectory: baseDirectory)
        return ExperimentResult(plan: plan, runs: runs, featureNames: featureNames, classNames: classNames,
                                trainingSamples: trainingSamples, validationSamples: validationSamples, testSamples: testSamples,
                                points: points, warnings: warnings, wallSeconds: wallSeconds)
    }

    public static func read(directory: String) throws -> StoredResult {
        let path = directory + "/results.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(path: path, message: "no results here (run the experiment first)")
        }
        do {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            return try decoder.decode(StoredResult.self, from: data)
        } catch {
            throw OutputError(path: path, message: "not a backprop results file: \(error)")
        }
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }
}
