import Foundation
import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

@Suite struct CheckpointTests {
    static let experiment = """
        name: checkpointed
        seeds: [3]
        dataset:
          inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1], [0.2, 0.1], [0.8, 0.9]], targets: [0, 1, 1, 0, 0, 0]}
        model: [{dense: {units: 5, init: he_normal}}, relu, batch_norm, {dense: {units: 1}}]
        loss: bce_with_logits
        train: {epochs: 7, batch: 2, optimizer: {adam: {lr: 0.05}}}
        checkpoint: {every: 3}
        """

    @Test func checkpointsSaveEveryNEpochsAndLoadBitIdentically() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/exp.yaml"
        try Self.experiment.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Commands(catalog: .builtIn).run(path: path, outputRoot: root + "/plots", progress: SilentProgress())
        #expect(outcome.output == ["report: \(root)/plots/checkpointed/report.md"])
        let result = try ResultsFile.read(directory: root + "/plots/checkpointed", catalog: .builtIn)
        let folder = root + "/plots/checkpointed/checkpoints"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["run1-adam-seed3-epoch3.checkpoint", "run1-adam-seed3-epoch6.checkpoint", "run1-adam-seed3-epoch7.checkpoint"])

        let checkpoint = try CheckpointFile.read(path: folder + "/run1-adam-seed3-epoch7.checkpoint")
        #expect(checkpoint.epoch == 7 && checkpoint.dtype == "float32" && checkpoint.preprocessor.classNames == ["0", "1"] && checkpoint.inputSize == 2)
        #expect(checkpoint.optimizer?.step == 21)  // 7 epochs x 3 batches
        #expect(checkpoint.optimizer?.buffers.keys.sorted() == ["exp_avg", "exp_avg_sq"])
        let (model, _, _) = try checkpoint.restore(as: Float.self, file: "c.checkpoint", catalog: .builtIn)

        // The restored model reproduces the trained one's loss exactly (bit for bit).
        let last = try #require(result.runs.first?.history.last)
        let inputs = Matrix<Float>([[0, 0], [0, 1], [1, 0], [1, 1], [0.2, 0.1], [0.8, 0.9]])
        let targets = Matrix<Float>(column: [0, 1, 1, 0, 0, 0])
        let evaluated = Evaluator<Float>().evaluate(model: model, loss: BinaryCrossEntropyWithLogits(), on: DataSplit(inputs: inputs, targets: targets))
        #expect(evaluated.loss == last.loss)
        // Saving the restored model again gives the same values.
        let again = Checkpoint(model: model, optimizer: nil, experimentSource: "", experimentFile: "", baseDirectory: "",
                               runLabel: "", seed: 0, epoch: 0, preprocessor: Preprocessor())
        #expect(again.parameters == checkpoint.parameters)
        #expect(checkpoint.parameters.keys.contains("layer3.batch_norm.running_var"))

        // Without a test set, evaluate says so rather than scoring the training rows.
        let saved = folder + "/run1-adam-seed3-epoch7.checkpoint"
        #expect(throws: DataError(file: saved, message: "its experiment \(path) has no test set (add split: {test: 0.2} to its dataset); give data with --data")) {
            _ = try Commands(catalog: .builtIn).evaluate(checkpoint: saved, data: nil)
        }
        let report = try Commands(catalog: .builtIn).evaluate(
            checkpoint: saved, data: "inline: {inputs: [[0, 0], [0, 1], [1, 0], [1, 1], [0.2, 0.1], [0.8, 0.9]], targets: [0, 1, 1, 0, 0, 0]}").output
        #expect(report.first?.hasSuffix("on --data (6 samples)") == true)
        #expect(report.contains("loss: \(formatNumber(last.loss))"))
    }

    /// The preprocessor's parts are read from the header fields checkpoints
    /// have always had (here a header as version 0.2 wrote it: no checksum, no
    /// optimizer), used by predict, and written back under the same names.
    @Test func aCheckpointHeaderOfAnEarlierVersionStillReads() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let experiment = "name: old\\ndtype: float64\\ndataset: {inline: {inputs: [[1, 10], [3, 14]], targets: [1, 2]}}\\n"
            + "model: [{dense: {units: 1}}]\\nloss: mse\\ntrain: {epochs: 1, optimizer: {sgd: {lr: 0.1}}}\\n"
        let header = """
            {"experimentSource":"\(experiment)","experimentFile":"\(root)/old.yaml","baseDirectory":"\(root)","runLabel":"sgd","seed":1,\
            "epoch":1,"dtype":"float64","inputSize":2,"featureNames":["x1","x2"],"scaling":{"shift":[1,10],"factor":[0.5,0.25]},\
            "targetScaling":{"shift":[2],"factor":[0.5]},"dataDigest":"0","arrays":[{"name":"layer1.dense.bias","count":1},\
            {"name":"layer1.dense.weight","count":2}]}
            """
        var data = Data("backprop-checkpoint 1\n\(header)\n".utf8)
        for value in [0.5, 1, 2] as [Double] { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        try data.write(to: URL(fileURLWithPath: root + "/old.checkpoint"))

        let checkpoint = try CheckpointFile.read(path: root + "/old.checkpoint")
        let expected = Preprocessor(featureNames: ["x1", "x2"], featureScaling: FeatureScaling.Statistics(shift: [1, 10], factor: [0.5, 0.25]),
                                    classNames: nil, targetScaling: FeatureScaling.Statistics(shift: [2], factor: [0.5]))
        #expect(checkpoint.preprocessor == expected)
        // (3 - 1) * 0.5 = 1 and (14 - 10) * 0.25 = 1 give 1 + 2 + 0.5 = 3.5, which is 3.5 / 0.5 + 2 = 9 in the targets' units.
        let predicted = try Commands(catalog: .builtIn).predict(checkpoint: root + "/old.checkpoint", data: "inline: {inputs: [[3, 14]], targets: [0.5]}")
        #expect(predicted.output == ["row,prediction", "0,9.0"])

        try CheckpointFile.write(checkpoint, to: root + "/again.checkpoint")
        let written = try Data(contentsOf: URL(fileURLWithPath: root + "/again.checkpoint")).split(separator: 0x0A)[1]
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: Any])
        #expect(fields["featureNames"] as? [String] == ["x1", "x2"] && fields["classNames"] == nil)
        #expect(fields["scaling"] as? [String: [Double]] == ["shift": [1, 10], "factor": [0.5, 0.25]])
        #expect(fields["targetScaling"] as? [String: [Double]] == ["shift": [2], "factor": [0.5]])
    }

    @Test func aDamagedCheckpointIsAClearError() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "{\"format\": 1}".write(toFile: root + "/bad.json", atomically: true, encoding: .utf8)
        #expect { try CheckpointFile.read(path: root + "/bad.json") } throws: { error in
            "\(error)".hasPrefix("\(root)/bad.json: not a backprop checkpoint")
        }
        #expect { try CheckpointFile.read(path: root + "/none.json") } throws: { error in
            "\(error)" == "\(root)/none.json: no such checkpoint file"
        }
        // A checkpoint cut short is caught by the header's promised size.
        let model = Sequential<Float>(inputSize: 2, layers: [Dense(weight: Matrix([[1, 2]]), bias: [3])])
        let optimizer = Optimizer<Float>(try SGD(["lr": 0.1, "momentum": 0.9]))
        model.parameters[0].gradient.storage = [0.5, -1]
        optimizer.step(model.parameters)  // so the momentum buffers hold numbers
        let checkpoint = Checkpoint(model: model, optimizer: optimizer, experimentSource: "x",
                                    experimentFile: "x.yaml", baseDirectory: "", runLabel: "r", seed: 1, epoch: 2, preprocessor: Preprocessor())
        try CheckpointFile.write(checkpoint, to: root + "/good.checkpoint")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: root + "/good.checkpoint"))
        let read = try CheckpointFile.read(path: root + "/good.checkpoint")
        #expect(read.parameters == checkpoint.parameters && read.inputSize == 2 && read.optimizer == checkpoint.optimizer)
        try bytes.dropLast(3).write(to: URL(fileURLWithPath: root + "/cut.checkpoint"))
        #expect { try CheckpointFile.read(path: root + "/cut.checkpoint") } throws: { error in
            "\(error)" == "\(root)/cut.checkpoint: not a backprop checkpoint (the header promises 48 bytes of numbers, the file has 45)"
        }
        // One number changed in place: the checksum catches it; a weight overwritten by 1e300
        // (too large for float32) is named, not evaluated to NaN.
        func overwritten(last index: Int, with value: Double) -> Data {
            var changed = bytes
            let start = changed.count - 48 + index * 8
            withUnsafeBytes(of: value.bitPattern.littleEndian) { changed.replaceSubrange(start..<(start + 8), with: $0) }
            return changed
        }
        try overwritten(last: 5, with: 0.25).write(to: URL(fileURLWithPath: root + "/edited.checkpoint"))
        #expect { try CheckpointFile.read(path: root + "/edited.checkpoint") } throws: { error in
            "\(error)".hasSuffix("its numbers do not match the checksum in its header: the file was changed or damaged)")
        }
        try overwritten(last: 0, with: 1e300).write(to: URL(fileURLWithPath: root + "/huge.checkpoint"))
        #expect { try CheckpointFile.read(path: root + "/huge.checkpoint") } throws: { error in
            "\(error)".contains("entry 0 is 1e+300, not a finite float32")
        }
    }
}
