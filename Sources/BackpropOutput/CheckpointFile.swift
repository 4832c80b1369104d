import Foundation
import BackpropAnalysis

/// The checkpoint file format.
///
/// A first line `backprop-checkpoint 1`, a second line of JSON with everything
/// but the numbers (and, for each array, its name and length), then the
/// numbers as little-endian Float64 in that order. Raw numbers keep the file
/// small and its writing cheap (a JSON tree of half a million numbers costs
/// hundreds of megabytes), and read back bit for bit. Optimizer state buffers
/// are arrays named `optimizer/<buffer>/<parameter index>`.
package enum CheckpointFile {
    static let magic = "backprop-checkpoint 1"
    /// The folder, inside an experiment's, that checkpoint files go into.
    package static let folderName = "checkpoints"

    /// The preprocessor's parts are fields of their own, under the names they
    /// have had since checkpoints first held them, so every checkpoint written
    /// since still reads.
    private struct Header: Codable {
        var experimentSource: String
        var experimentFile: String
        var baseDirectory: String
        var runLabel: String
        var seed: UInt64
        var epoch: Int
        var dtype: String
        var inputSize: Int?
        var classNames: [String]?
        var scaling: FeatureScaling.Statistics?
        var targetScaling: FeatureScaling.Statistics?
        var featureNames: [String]?
        var dataDigest: String?
        var arrays: [Array]
        var optimizerKind: String?
        var optimizerStep: Int?
        /// A digest of every number in file order; absent in checkpoints of versions before 0.3.
        var numbersDigest: String?

        struct Array: Codable {
            var name: String
            var count: Int
        }
    }

    package static func write(_ checkpoint: Checkpoint, to path: String) throws {
        var arrays: [(name: String, values: [Double])] = checkpoint.parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (name, buffers) in (checkpoint.optimizer?.buffers ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (index, values) in buffers.enumerated() { arrays.append(("optimizer/\(name)/\(index)", values)) }
        }
        let header = Header(experimentSource: checkpoint.experimentSource, experimentFile: checkpoint.experimentFile,
                            baseDirectory: checkpoint.baseDirectory, runLabel: checkpoint.runLabel, seed: checkpoint.seed,
                            epoch: checkpoint.epoch, dtype: checkpoint.dtype, inputSize: checkpoint.inputSize,
                            classNames: checkpoint.preprocessor.classNames, scaling: checkpoint.preprocessor.featureScaling,
                            targetScaling: checkpoint.preprocessor.targetScaling, featureNames: checkpoint.preprocessor.featureNames,
                            dataDigest: checkpoint.dataDigest,
                            arrays: arrays.map { Header.Array(name: $0.name, count: $0.values.count) },
                            optimizerKind: checkpoint.optimizer?.kind, optimizerStep: checkpoint.optimizer?.step,
                            numbersDigest: digest(arrays.map(\.values)))
        var data = Data((Self.magic + "\n").utf8)
        data.append(try JSONEncoder().encode(header))
        data.append(0x0A)
        for array in arrays {
            for value in array.values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        try AtomicFile.write(data, to: path)
    }

    /// The largest checkpoint read: a model of 100 million weights, written as text.
    package static let maximumBytes = 4 << 30

    package static func read(path: String) throws -> Checkpoint {
        let data = try InputFile.read(path, what: "checkpoint file", limit: maximumBytes)
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
        guard header.arrays.allSatisfy({ $0.count >= 0 }), header.scaling.map({ $0.shift.count == $0.factor.count }) ?? true,
              header.targetScaling.map({ $0.shift.count == $0.factor.count }) ?? true,
              header.inputSize.map({ $0 >= 1 && $0 <= ModelSize.maximumParameters }) ?? true, header.epoch >= 0 else {
            throw damaged("impossible sizes in the header")
        }
        guard [Float.dtypeName, Double.dtypeName].contains(header.dtype) else {
            throw damaged("unknown dtype '\(header.dtype)'")
        }
        // Summed in Double so a damaged header cannot overflow the count.
        let expected = header.arrays.reduce(0.0) { $0 + Double($1.count) } * 8
        guard Double(bytes.count - (second + 1)) == expected else {
            throw damaged("the header promises \(Int(min(expected, 1e18))) bytes of numbers, the file has \(bytes.count - second - 1)")
        }
        var offset = second + 1
        var parameters: [String: [Double]] = [:]
        var buffers: [String: [[Double]]] = [:]
        var all: [[Double]] = []
        let largest = header.dtype == Float.dtypeName ? Double(Float.greatestFiniteMagnitude) : Double.greatestFiniteMagnitude
        for array in header.arrays {
            let values = (0..<array.count).map { index -> Double in
                var bits: UInt64 = 0
                for byte in 0..<8 { bits |= UInt64(bytes[offset + index * 8 + byte]) << (8 * UInt64(byte)) }
                return Double(bitPattern: bits)
            }
            offset += array.count * 8
            all.append(values)
            let parts = array.name.split(separator: "/")
            if parts.count == 3, parts[0] == "optimizer" {
                buffers[String(parts[1]), default: []].append(values)
            } else {
                // A weight a model cannot hold would evaluate to NaN: an error here, not `loss: -nan` later.
                if let index = values.firstIndex(where: { !$0.isFinite || abs($0) > largest }) {
                    throw damaged("'\(array.name)' entry \(index) is \(values[index]), not a finite \(header.dtype)")
                }
                parameters[array.name] = values
            }
        }
        if let expected = header.numbersDigest, expected != digest(all) {
            throw damaged("its numbers do not match the checksum in its header: the file was changed or damaged")
        }
        var checkpoint = Checkpoint(experimentSource: header.experimentSource, experimentFile: header.experimentFile,
                                    baseDirectory: header.baseDirectory, runLabel: header.runLabel, seed: header.seed, epoch: header.epoch,
                                    dtype: header.dtype, inputSize: header.inputSize,
                                    preprocessor: Preprocessor(featureNames: header.featureNames, featureScaling: header.scaling,
                                                               classNames: header.classNames, targetScaling: header.targetScaling),
                                    parameters: parameters)
        checkpoint.dataDigest = header.dataDigest
        if let kind = header.optimizerKind {
            checkpoint.optimizer = OptimizerState(kind: kind, step: header.optimizerStep ?? 0, buffers: buffers)
        }
        return checkpoint
    }

    /// The digest of a checkpoint's numbers, array by array, in file order.
    static func digest(_ arrays: [[Double]]) -> String {
        var digest = Digest()
        for values in arrays {
            digest.add(UInt64(values.count))
            for value in values { digest.add(value.bitPattern) }
        }
        return digest.hex
    }

    /// `run<i>-<label>-seed<k>-epoch<e>.checkpoint`: the run's number keeps labels
    /// that reduce to the same safe characters apart; the label part is shortened.
    package static func name(run: Int, label: String, seed: UInt64, epoch: Int) -> String {
        let safe = String(label.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(40))
        return "run\(run)-\(safe)-seed\(seed)-epoch\(epoch).checkpoint"
    }
}
