import Foundation

/// results.json: an `ExperimentResult` as JSON (NaN and infinities as strings).
public enum ResultsFile {
    public static let name = "results.json"

    public static func encode(_ result: ExperimentResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(result)
    }

    public static func read(directory: String) throws -> ExperimentResult {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(path: path, message: "no results here (run the experiment first)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(ExperimentResult.self, from: data)
        } catch let error as ExperimentError {
            throw error
        } catch {
            throw OutputError(path: path, message: "not a backprop results file: \(error)")
        }
    }
}
