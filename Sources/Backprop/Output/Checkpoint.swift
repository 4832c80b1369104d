import Foundation

/// A saved model and optimizer: every parameter and buffer by name, the
/// optimizer's state, and the experiment it came from (its source text and
/// run label), so the architecture can be rebuilt and the values loaded back.
///
/// Values are stored as Double, which holds every Float exactly, in raw
/// binary: a saved model loads bit-identically.
public struct Checkpoint: Sendable {
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

    init(experimentSource: String, experimentFile: String, baseDirectory: String, runLabel: String, seed: UInt64, epoch: Int,
         dtype: String, classNames: [String]?, scaling: FeatureScaling.Statistics?, parameters: [String: [Double]]) {
        self.experimentSource = experimentSource
        self.experimentFile = experimentFile
        self.baseDirectory = baseDirectory
        self.runLabel = runLabel
        self.seed = seed
        self.epoch = epoch
        self.dtype = dtype
        self.classNames = classNames
        self.scaling = scaling
        self.parameters = parameters
    }

    public init<Scalar: BLASScalar>(model: Sequential<Scalar>, optimizer: (any Optimizer<Scalar>)?, experimentSource: String,
                                    experimentFile: String, baseDirectory: String, runLabel: String, seed: UInt64, epoch: Int,
                                    classNames: [String]?, scaling: FeatureScaling.Statistics? = nil) {
        self.init(experimentSource: experimentSource, experimentFile: experimentFile, baseDirectory: baseDirectory,
                  runLabel: runLabel, seed: seed, epoch: epoch, dtype: Scalar.dtypeName, classNames: classNames, scaling: scaling,
                  parameters: Dictionary(uniqueKeysWithValues: model.parametersAndBuffers.map { ($0.name, $0.value.storage.map(Double.init)) }))
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

    // File format: a first line `backprop-checkpoint 1`, a second line of JSON
    // with everything but the numbers (and, for each array, its name and
    // length), then the numbers as little-endian Float64 in that order. Raw
    // numbers keep the file small and its writing cheap (a JSON tree of half a
    // million numbers costs hundreds of megabytes), and read back bit for bit.
    static let magic = "backprop-checkpoint 1"

    private struct Header: Codable {
        var experimentSource: String
        var experimentFile: String
        var baseDirectory: String
        var runLabel: String
        var seed: UInt64
        var epoch: Int
        var dtype: String
        var classNames: [String]?
        var scaling: FeatureScaling.Statistics?
        var arrays: [Array]
        var optimizerKind: String?
        var optimizerStep: Int?

        struct Array: Codable {
            var name: String
            var count: Int
        }
    }

    public func write(to path: String) throws {
        var arrays: [(name: String, values: [Double])] = parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (name, buffers) in (optimizer?.buffers ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (index, values) in buffers.enumerated() { arrays.append(("optimizer/\(name)/\(index)", values)) }
        }
        let header = Header(experimentSource: experimentSource, experimentFile: experimentFile, baseDirectory: baseDirectory,
                            runLabel: runLabel, seed: seed, epoch: epoch, dtype: dtype, classNames: classNames, scaling: scaling,
                            arrays: arrays.map { Header.Array(name: $0.name, count: $0.values.count) },
                            optimizerKind: optimizer?.kind, optimizerStep: optimizer?.step)
        var data = Data((Self.magic + "\n").utf8)
        data.append(try JSONEncoder().encode(header))
        data.append(0x0A)
        for array in arrays {
            for value in array.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        try AtomicFile.write(data, to: path)
    }

    public static func read(path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, message: "no such checkpoint file")
        }
        func damaged(_ why: String) -> DataError { DataError(file: path, message: "not a backprop checkpoint (\(why))") }
        let bytes = [UInt8](data)
        guard let first = bytes.firstIndex(of: 0x0A), String(decoding: bytes[..<first], as: UTF8.self) == magic else {
            throw damaged("missing the '\(magic)' first line")
        }
        guard let second = bytes[(first + 1)...].firstIndex(of: 0x0A) else { throw damaged("no header line") }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[(first + 1)..<second]))
        } catch {
            throw damaged("unreadable header: \(oneLine(error))")
        }
        guard header.arrays.allSatisfy({ $0.count >= 0 }), header.scaling.map({ $0.shift.count == $0.factor.count }) ?? true else {
            throw damaged("impossible sizes in the header")
        }
        // Summed in Double so a damaged header cannot overflow the count.
        let expected = header.arrays.reduce(0.0) { $0 + Double($1.count) } * 8
        guard Double(bytes.count - (second + 1)) == expected else {
            throw damaged("the header promises \(Int(min(expected, 1e18))) bytes of numbers, the file has \(bytes.count - second - 1)")
        }
        var offset = second + 1
        var parameters: [String: [Double]] = [:]
        var buffers: [String: [[Double]]] = [:]
        for array in header.arrays {
            let values = (0..<array.count).map { index -> Double in
                var bits: UInt64 = 0
                for byte in 0..<8 { bits |= UInt64(bytes[offset + index * 8 + byte]) << (8 * UInt64(byte)) }
                return Double(bitPattern: bits)
            }
            offset += array.count * 8
            let parts = array.name.split(separator: "/")
            if parts.count == 3, parts[0] == "optimizer" {
                buffers[String(parts[1]), default: []].append(values)
            } else {
                parameters[array.name] = values
            }
        }
        var checkpoint = Checkpoint(experimentSource: header.experimentSource, experimentFile: header.experimentFile,
                                    baseDirectory: header.baseDirectory, runLabel: header.runLabel, seed: header.seed, epoch: header.epoch,
                                    dtype: header.dtype, classNames: header.classNames, scaling: header.scaling, parameters: parameters)
        if let kind = header.optimizerKind {
            checkpoint.optimizer = OptimizerState(kind: kind, step: header.optimizerStep ?? 0, buffers: buffers)
        }
        return checkpoint
    }

    /// `run<i>-<label>-seed<k>-epoch<e>.checkpoint`: the run's number keeps labels
    /// that reduce to the same safe characters apart; the label part is shortened.
    public static func fileName(run: Int, label: String, seed: UInt64, epoch: Int) -> String {
        let safe = String(label.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(40))
        return "run\(run)-\(safe)-seed\(seed)-epoch\(epoch).checkpoint"
    }
}
