import Foundation
import BackpropAnalysis

/// results.json: an `ExperimentResult` as JSON (NaN and infinities as strings).
package enum ResultsFile {
    package static let name = "results.json"

    package static func encode(_ result: ExperimentResult) throws -> Data {
        try encoder.encode(result)
    }

    static var encoder: JSONEncoder { ResultsJSON.encoder }
    static var decoder: JSONDecoder { ResultsJSON.decoder }

    /// The decoder of results whose experiment names components of `catalog`.
    package static func decoder(catalog: Catalog) -> JSONDecoder {
        let decoder = ResultsJSON.decoder
        decoder.userInfo[.catalog] = catalog
        return decoder
    }

    /// The largest results.json read (decoding takes about ten times its size
    /// in memory); a run keeps at most `TrainingHistory.maximumRecords` epochs,
    /// so only a very large sweep comes near it.
    package static let maximumBytes = 256 << 20

    /// The results in `directory`; the experiment they keep is read again
    /// with `catalog`, which must hold the components it names.
    package static func read(directory: String, catalog: Catalog) throws -> ExperimentResult {
        let path = directory + "/" + name
        guard access(path, F_OK) == 0 else {
            throw OutputError(path: path, message: "no results here (run the experiment first)")
        }
        let data = try InputFile.read(path, what: "results file", limit: maximumBytes)
        let result: ExperimentResult
        do {
            result = try decoder(catalog: catalog).decode(ExperimentResult.self, from: data)
        } catch let error as ExperimentError {
            throw OutputError(path: path, message: "the experiment stored in it no longer reads: \(error.message)")
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty && (try? JSONSerialization.jsonObject(with: data)) != nil {
            // Foundation says "not valid JSON" for valid JSON with a number its field cannot hold, and names no field.
            throw OutputError(path: path, message: "not a backprop results file: a number does not fit its field (negative or too large, such as a seed of -1)")
        } catch {
            throw OutputError(path: path, message: "not a backprop results file (\(oneLine(error)))")
        }
        // Charts index into these; a damaged file must not crash the drawing.
        for run in result.runs {
            if let grid = run.decisionGrid, grid.resolution < 2 || grid.resolution > 2000 || grid.classes.count != grid.resolution * grid.resolution
                || grid.classes.contains(where: { $0 < 0 }) {
                throw OutputError(path: path, message: "damaged decision grid for run '\(run.label)'")
            }
        }
        if result.points.contains(where: { $0.label < 0 || !$0.x.isFinite || !$0.y.isFinite }) {
            throw OutputError(path: path, message: "damaged training points")
        }
        return result
    }
}

/// A decoding error in one line (Foundation's descriptions span several).
func oneLine(_ error: Error) -> String {
    let text: String
    switch error {
    case DecodingError.keyNotFound(let key, _): text = "missing '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
        text = context.debugDescription + (context.codingPath.isEmpty ? "" : " at " + context.codingPath.map(\.stringValue).joined(separator: "."))
    default: text = "\(error)"
    }
    return String(text.map { $0.isNewline ? " " : $0 }.prefix(200))
}
