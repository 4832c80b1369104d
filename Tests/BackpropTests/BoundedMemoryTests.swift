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

/// Memory proportional to what is kept, whatever the input: a CSV file's
/// cells stay bytes in one buffer, a long run keeps a bounded number of epoch
/// records, step losses and results files have documented limits.
@Suite struct BoundedMemoryTests {
    @Test func csvCellsShareOneBufferAboutTheFilesSize() throws {
        var text = "x1,x2,\"label\"\n"
        for row in 0..<2000 { text += "\(row).5,  \(row % 7) ,\"class \(row % 3)\"\n" }
        let records = try CSVReader.records(in: text, delimiter: ",", file: "t.csv")
        #expect(records.count == 2001)
        let store = records[0].fields.store
        #expect(records.allSatisfy { $0.fields.store === store })
        #expect(store.bytes.count < text.utf8.count)  // the quotes and separators are not kept
        #expect(Array(records[2000].fields) == ["1999.5", "  4 ", "class 1"])
        #expect(records[2000].line == 2001)
        // A selection of columns is a view, not a copy.
        let view = records[5].fields.selecting([2, 0])
        #expect(Array(view) == ["class 1", "4.5"] && view.store === store)
    }

    @Test func nonUTF8CSVNamesTheLine() {
        let bytes = Data("a,b\n1,2\n3,\u{00}".utf8) + Data([0xFF, 0x0A])
        let error = #expect(throws: DataError.self) { try CSVReader.records(in: bytes, delimiter: ",", file: "t.csv") }
        #expect(error?.description == "t.csv:3: not UTF-8 text")
    }

    /// A run far longer than the record limit keeps at most the limit (and
    /// the last epoch), thinned to a stride that is a power of two.
    @Test func longRunsKeepABoundedNumberOfEpochRecords() {
        var history = TrainingHistory(records: [], stepLosses: [], stopReason: .completed, divergedAtEpoch: nil,
                                      thresholdEpoch: nil, thresholdSeconds: nil, layerNames: [])
        for epoch in 0...1001 {
            history.keep(EpochRecord(epoch: epoch, step: epoch, seconds: 0, samplesSeen: 0, learningRate: 0.1, loss: Double(epoch), layerGradientNorms: []), limit: 100)
            #expect(history.records.count <= 101)
        }
        let stride = history.recordedEvery ?? 1
        #expect(stride == 16)
        #expect(history.records.first?.epoch == 0 && history.last?.epoch == 1001)
        #expect(history.records.dropLast().allSatisfy { $0.epoch % stride == 0 })
        #expect(history.records.count == 1000 / 16 + 2)
    }

    @Test func recordStepsPastItsLimitIsRefusedBeforeTraining() throws {
        let text = validExperiment.replacingOccurrences(of: "epochs: 5", with: "epochs: 300000\n  batch: 1\n  record_steps: true")
        let plan = try ExperimentLoader(catalog: .builtIn).parse(text, file: "steps.yaml")
        let error = #expect(throws: ExperimentError.self) { try ExperimentRunner.run(plan) }
        #expect(error?.description == "steps.yaml: run 'adam' with record_steps would keep 1200000 step losses (epochs x steps per epoch); at most 1000000: fewer epochs, larger batches, or no record_steps")
    }

    /// A results file past the limit is refused from its size, without reading it.
    @Test func anOversizedResultsFileIsRefusedBeforeReading() throws {
        let root = try temporaryDirectory()
        let path = root + "/" + ResultsFile.name
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(ResultsFile.maximumBytes + 1)) == 0)  // sparse: takes no disk
        let error = #expect(throws: DataError.self) { try ResultsFile.read(directory: root, catalog: .builtIn) }
        #expect(error?.description.hasSuffix("results.json: is 256 MiB; backprop reads a results file of at most 256 MiB") == true, "\(String(describing: error))")
    }
}
