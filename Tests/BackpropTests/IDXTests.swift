import CZlib
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

/// A fresh temporary folder for one test's files.
private struct ScratchFolder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("idx-tests-" + UUID().uuidString).path

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` in this folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes a gzip file with zlib, each element of `members` one gzip member.
    @discardableResult
    func writeGzip(_ name: String, members: [[UInt8]]) throws -> String {
        let file = path + "/" + name
        for member in members {
            let handle = try #require(gzopen(file, FileManager.default.fileExists(atPath: file) ? "ab" : "wb"))
            let written = member.withUnsafeBytes { gzwrite(handle, $0.baseAddress, UInt32($0.count)) }
            #expect(Int(written) == member.count)
            #expect(gzclose(handle) == Z_OK)
        }
        return file
    }

    func bytes(of name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
    }

    var context: DatasetContext { DatasetContext(baseDirectory: path) }
}

/// An IDX file: two zero bytes, type, dimension count, big-endian sizes, data.
private func idx(_ dimensions: [Int], _ data: [UInt8], type: UInt8 = 0x08) -> [UInt8] {
    [0, 0, type, UInt8(dimensions.count)]
        + dimensions.flatMap { size in (0..<4).reversed().map { UInt8(truncatingIfNeeded: size >> (8 * $0)) } }
        + data
}

/// Expects `body` to throw exactly `expected`.
private func expectDataError(_ expected: DataError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    #expect(throws: expected, sourceLocation: sourceLocation, performing: body)
}

@Suite struct IDXTests {
    let twelve: [UInt8] = (0..<12).map { UInt8($0 * 20) }

    @Test func readsAPlainFile() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("a.idx", idx([3, 2, 2], twelve))
        let array = try IDXReader.read(path: file)
        #expect(array.dimensions == [3, 2, 2])
        #expect(array.bytes == twelve)
        let matrix = array.matrix(as: Double.self, scale: 1.0 / 255)
        #expect(matrix.rows == 3 && matrix.columns == 4)
        #expect(matrix.storage == twelve.map { Double($0) * (1.0 / 255) })
        let float = array.matrix(as: Float.self, scale: 2, offset: 20)
        #expect(float.storage == twelve.map { Float((Double($0) - 20) * 2) })
    }

    @Test func readsGzipBySignatureNotByName() throws {
        let folder = try ScratchFolder()
        let file = try folder.writeGzip("no-extension", members: [idx([3, 2, 2], twelve)])
        #expect(try folder.bytes(of: "no-extension").prefix(2) == [0x1f, 0x8b])
        let array = try IDXReader.read(path: file)
        #expect(array == IDXArray(dimensions: [3, 2, 2], bytes: twelve))
    }

    @Test func streamsGzipLargerThanOneChunkAndConcatenatedMembers() throws {
        var random = RandomGenerator(seed: 5)
        let data = (0..<(300 * 500)).map { _ in UInt8(random.integer(below: 256)) }
        let whole = idx([300, 500], data)
        let folder = try ScratchFolder()
        // Random bytes do not compress, so the gzip file spans several input chunks.
        let file = try folder.writeGzip("big.gz", members: [Array(whole[..<70_000]), Array(whole[70_000...])])
        #expect(try folder.bytes(of: "big.gz").count > 2 * DecompressingFileReader.chunkSize)
        let array = try IDXReader.read(path: file)
        #expect(array.dimensions == [300, 500])
        #expect(array.bytes == data)
    }

    @Test func rejectsWrongMagic() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("bad", [0x01, 0x0A, 0x08, 0x01, 0, 0, 0, 1, 7])
        expectDataError(DataError(file: file, message: "not an IDX file: magic bytes 0x010A (expected 0x0000 then type and dimension count)")) {
            _ = try IDXReader.read(path: file)
        }
    }

    @Test func rejectsDataTypesOtherThanUnsignedBytes() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("floats", idx([1], [0, 0, 0, 0], type: 0x0D))
        expectDataError(DataError(file: file, message: "unsupported IDX data type 0x0D (only 0x08, unsigned bytes, is supported)")) {
            _ = try IDXReader.read(path: file)
        }
    }

    @Test func rejectsTruncatedHeader() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("short", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0])
        expectDataError(DataError(file: file, message: "truncated header: needs 16 bytes, the file has 10")) {
            _ = try IDXReader.read(path: file)
        }
        let tiny = try folder.write("tiny", [0, 0])
        expectDataError(DataError(file: tiny, message: "truncated header: needs 4 bytes, the file has 2")) {
            _ = try IDXReader.read(path: tiny)
        }
    }

    @Test(arguments: [false, true])
    func rejectsTruncatedData(gzipped: Bool) throws {
        let folder = try ScratchFolder()
        let content = idx([2, 3], [1, 2, 3, 4])
        let file = gzipped ? try folder.writeGzip("short.gz", members: [content]) : try folder.write("short", content)
        expectDataError(DataError(file: file, message: "truncated: header promises 6 bytes of data, found 4")) {
            _ = try IDXReader.read(path: file)
        }
    }

    @Test func refusesAHeaderPromisingMoreThanTheFileCouldHoldWithoutAllocatingIt() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("huge", idx([1 << 14, 1 << 14], [1, 2, 3]))
        expectDataError(DataError(file: file, message: "truncated: header promises \(1 << 28) bytes of data, found 3")) {
            _ = try IDXReader.read(path: file)
        }
    }

    /// A gzip bomb: a few compressed bytes whose header claims 5000 images of
    /// 1000 x 1000 pixels. Refused from the header, before any inflating or allocation.
    @Test func refusesAHeaderBeyondTheLimitBeforeInflating() throws {
        let folder = try ScratchFolder()
        let bomb = try folder.writeGzip("bomb.gz", members: [idx([5000, 1000, 1000], [UInt8](repeating: 0, count: 1 << 20))])
        #expect(try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int ?? 0 < 10_000)
        expectDataError(DataError(file: bomb, message: "the header declares 5000 x 1000 x 1000 values, more than the \(IDXReader.maximumDataBytes) bytes an IDX file may hold here (a damaged or hostile header?)")) {
            _ = try IDXReader.read(path: bomb)
        }
    }

    /// Labels that disagree with the images are found from the two headers,
    /// before the labels (here a million promised, three given) are inflated.
    @Test func imageAndLabelCountsAreComparedFromTheHeaders() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        try FileManager.default.removeItem(atPath: folder.path + "/train-labels.gz")
        try folder.writeGzip("train-labels.gz", members: [idx([1_000_000], [0, 2, 1])])
        expectDataError(DataError(file: "train-labels.gz", message: "1000000 labels in train-labels.gz but 3 images in train-images")) {
            _ = try dataset(.none).load(as: Float.self, context: folder.context)
        }
    }

    @Test(arguments: [false, true])
    func rejectsTrailingGarbage(gzipped: Bool) throws {
        let folder = try ScratchFolder()
        let content = idx([2], [1, 2, 3, 4, 5])
        let file = gzipped ? try folder.writeGzip("long.gz", members: [content]) : try folder.write("long", content)
        expectDataError(DataError(file: file, message: "trailing garbage: 3 bytes after the 2 bytes of data the header promises")) {
            _ = try IDXReader.read(path: file)
        }
    }

    @Test func rejectsGarbageAfterTheGzipStream() throws {
        let folder = try ScratchFolder()
        try folder.writeGzip("a.gz", members: [idx([2], [1, 2])])
        let file = try folder.write("b.gz", try folder.bytes(of: "a.gz") + [0x42, 0x42])
        expectDataError(DataError(file: file, message: "trailing garbage after the gzip data")) {
            _ = try IDXReader.read(path: file)
        }
    }

    @Test func rejectsZeroAndOverflowingDimensions() throws {
        let folder = try ScratchFolder()
        let zero = try folder.write("zero", idx([4, 0, 2], []))
        expectDataError(DataError(file: zero, message: "dimension 2 of 4 x 0 x 2 is zero")) {
            _ = try IDXReader.read(path: zero)
        }
        let big = Int(UInt32.max)
        let overflow = try folder.write("overflow", idx([big, big, big], []))
        expectDataError(DataError(file: overflow, message: "the header declares \(big) x \(big) x \(big) values, more than the \(IDXReader.maximumDataBytes) bytes an IDX file may hold here (a damaged or hostile header?)")) {
            _ = try IDXReader.read(path: overflow)
        }
    }

    @Test func reportsCorruptGzipWithZlibsMessage() throws {
        let folder = try ScratchFolder()
        try folder.writeGzip("good.gz", members: [idx([3, 2, 2], twelve)])
        var bytes = try folder.bytes(of: "good.gz")
        bytes[2] = 0x07  // compression method: only 8 (deflate) exists
        let method = try folder.write("method.gz", bytes)
        expectDataError(DataError(file: method, message: "corrupt gzip data: unknown compression method")) {
            _ = try IDXReader.read(path: method)
        }
        var checksum = try folder.bytes(of: "good.gz")
        checksum[checksum.count - 8] ^= 0xFF  // the CRC-32 of the uncompressed data
        let crc = try folder.write("crc.gz", checksum)
        expectDataError(DataError(file: crc, message: "corrupt gzip data: incorrect data check")) {
            _ = try IDXReader.read(path: crc)
        }
        let cut = try folder.write("cut.gz", Array(try folder.bytes(of: "good.gz").dropLast(10)))
        expectDataError(DataError(file: cut, message: "truncated gzip data: the file ends inside the compressed stream")) {
            _ = try IDXReader.read(path: cut)
        }
    }

    @Test func missingFile() {
        expectDataError(DataError(file: "/nonexistent/x.idx", message: "no such file")) {
            _ = try IDXReader.read(path: "/nonexistent/x.idx")
        }
    }

    // MARK: IDXDataset

    /// Train: 3 images of 2 x 2 pixels; test: 2 images. Labels 0, 2, 1 / 2, 0.
    private func writeImageSet(in folder: ScratchFolder, testLabelCount: Int = 2) throws {
        try folder.write("train-images", idx([3, 2, 2], [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]))
        try folder.writeGzip("train-labels.gz", members: [idx([3], [0, 2, 1])])
        try folder.write("test-images", idx([2, 2, 2], [55, 0, 255, 110, 0, 0, 0, 0]))
        try folder.write("test-labels", idx([testLabelCount], Array([2, 0, 1][..<testLabelCount])))
    }

    private func dataset(_ scaling: PixelScaling, classNames: [String]? = nil) -> IDXDataset {
        IDXDataset(trainImages: "train-images", trainLabels: "train-labels.gz", testImages: "test-images",
                   testLabels: "test-labels", scaling: scaling, classNames: classNames)
    }

    @Test func loadsTrainAndTestSplitsWithLabels() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        let loaded = try dataset(.none).load(as: Double.self, context: folder.context)
        #expect(loaded.train.inputs.rows == 3 && loaded.train.inputs.columns == 4)
        #expect(loaded.train.inputs.storage == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110])
        #expect(loaded.train.targets.storage == [0, 2, 1])
        let test = try #require(loaded.test)
        #expect(test.inputs.storage == [55, 0, 255, 110, 0, 0, 0, 0])
        #expect(test.targets.storage == [2, 0])
        #expect(loaded.classNames == ["0", "1", "2"])
        #expect(loaded.featureNames == ["pixel1", "pixel2", "pixel3", "pixel4"])
    }

    @Test func unitScalingDividesBy255() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        let loaded = try dataset(.unit).load(as: Float.self, context: folder.context)
        #expect(loaded.train.inputs.storage == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110].map { Float(Double($0) / 255) })
        #expect(try #require(loaded.test).inputs.storage[2] == 1)
    }

    @Test func standardizeUsesTrainingStatisticsOnly() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        let loaded = try dataset(.standardize).load(as: Double.self, context: folder.context)
        // Training pixels 0, 10, ..., 110: mean 55, population variance 100·(12² − 1)/12.
        let mean = 55.0, deviation = (100.0 * 143 / 12).squareRoot()
        let train = loaded.train.inputs.storage
        #expect(abs(train.reduce(0, +) / 12) < 1e-12)
        #expect(abs((train.map { $0 * $0 }.reduce(0, +) / 12) - 1) < 1e-12)
        let test = try #require(loaded.test).inputs.storage
        expectClose(test, [55, 0, 255, 110, 0, 0, 0, 0].map { ($0 - mean) / deviation }, relative: 1e-12, "test pixels")
        #expect(test[0] == 0)  // 55 is the training mean, not the test one
    }

    @Test func rejectsLabelAndImageCountsThatDiffer() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder, testLabelCount: 3)
        expectDataError(DataError(file: "test-labels", message: "3 labels in test-labels but 2 images in test-images")) {
            _ = try dataset(.unit).load(as: Double.self, context: folder.context)
        }
    }

    @Test func usesGivenClassNamesAndRejectsTooFew() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        let named = try dataset(.unit, classNames: ["a", "b", "c"]).load(as: Double.self, context: folder.context)
        #expect(named.classNames == ["a", "b", "c"])
        expectDataError(DataError(file: "train-labels.gz", message: "labels go up to 2 but only 2 class names are given")) {
            _ = try dataset(.unit, classNames: ["a", "b"]).load(as: Double.self, context: folder.context)
        }
    }

    @Test func aTestLabelAboveEveryTrainingLabelIsNamed() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        try folder.write("test-labels", idx([2], [7, 0]))
        expectDataError(DataError(file: "test-labels", message: "test labels go up to 7, training labels only to 2: class 7 has no training images (mismatched files?)")) {
            _ = try dataset(.unit).load(as: Double.self, context: folder.context)
        }
    }

    @Test func rejectsTestImagesOfAnotherSize() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        try folder.write("test-images", idx([2, 3], [1, 2, 3, 4, 5, 6]))
        expectDataError(DataError(file: "test-images", message: "test images have 3 values each, training images 4")) {
            _ = try dataset(.unit).load(as: Double.self, context: folder.context)
        }
    }

    @Test func rejectsLabelsWithMoreThanOneDimension() throws {
        let folder = try ScratchFolder()
        try writeImageSet(in: folder)
        let labels = try folder.write("test-labels", idx([2, 1], [0, 1]))
        expectDataError(DataError(file: labels, message: "a labels file has one dimension, this one has 2 x 1")) {
            _ = try dataset(.unit).load(as: Double.self, context: folder.context)
        }
    }

    @Test func testImagesAndLabelsGoTogether() {
        #expect(throws: ExperimentError(file: "", message: "test images and test labels go together: give both or neither")) {
            try IDXDataset(["train_images": "a", "train_labels": "b", "test_images": "c"])
        }
    }

    @Test func fashionMNISTExplainsHowToInstallMissingFiles() throws {
        let folder = try ScratchFolder()
        expectDataError(DataError(file: folder.path, message: "Fashion-MNIST files not found; install them with `make deps` (Debian package dataset-fashion-mnist)")) {
            _ = try FashionMNISTDataset(["directory": ConfigValue(stringLiteral: folder.path)]).load(as: Float.self, context: folder.context)
        }
    }
}
