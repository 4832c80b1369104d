import Foundation

/// A saved model and optimizer: every parameter and buffer by name, the
/// optimizer's state, and the experiment it came from (its source text and
/// run label), so the architecture can be rebuilt and the values loaded back.
///
/// Values are stored as Double, which holds every Float exactly, and JSON
/// writes each Double in its shortest form that reads back to the same bits:
/// a saved model loads bit-identically.
public struct Checkpoint: Codable, Sendable {
    public var format = 1
    public var experimentSource: String
    public var experimentFile: String
    public var baseDirectory: String
    public var runLabel: String
    public var seed: UInt64
    public var epoch: Int
    public var dtype: String
    /// Class names of the training data (index = label), nil for regression.
    public var classNames: [String]?
    /// Feature scaling fitted on the training rows; applied to new data before predicting.
    public var scaling: FeatureScaling.Statistics?
    public var parameters: [String: [Double]]
    public var optimizer: OptimizerState?

    public init<Scalar: BLASScalar>(model: Sequential<Scalar>, optimizer: (any Optimizer<Scalar>)?, experimentSource: String,
                                    experimentFile: String, baseDirectory: String, runLabel: String, seed: UInt64, epoch: Int,
                                    classNames: [String]?, scaling: FeatureScaling.Statistics? = nil) {
        self.experimentSource = experimentSource
        self.experimentFile = experimentFile
        self.baseDirectory = baseDirectory
        self.runLabel = runLabel
        self.seed = seed
        self.epoch = epoch
        dtype = Scalar.dtypeName
        self.classNames = classNames
        self.scaling = scaling
        parameters = Dictionary(uniqueKeysWithValues: model.parametersAndBuffers.map { ($0.name, $0.value.storage.map(Double.init)) })
        self.optimizer = optimizer?.saveState()
    }

    /// Copies the saved values into `model`, which must have the same layers.
    public func load<Scalar: BLASScalar>(into model: Sequential<Scalar>, file: String) throws {
        for parameter in model.parametersAndBuffers {
            guard let values = parameters[parameter.name] else {
                throw DataError(file: file, message: "checkpoint has no values for \(parameter.name); was it saved from this model?")
            }
            guard values.count == parameter.count else {
                throw DataError(file: file, message: "checkpoint has \(values.count) values for \(parameter.name), the model needs \(parameter.count)")
            }
            parameter.value.storage = values.map { Scalar($0) }
        }
    }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }

    public static func read(path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, message: "no such checkpoint file")
        }
        do {
            return try JSONDecoder().decode(Checkpoint.self, from: data)
        } catch {
            throw DataError(file: path, message: "not a backprop checkpoint (\(error))")
        }
    }

    /// `plots/NAME/checkpoints/<label>-seed<k>-epoch<e>.json`, the label reduced to safe characters.
    public static func fileName(label: String, seed: UInt64, epoch: Int) -> String {
        let safe = String(label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return "\(safe)-seed\(seed)-epoch\(epoch).json"
    }
}
