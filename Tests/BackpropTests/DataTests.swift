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

// MARK: Synthetic generators

/// A registered generator with its defaults and the given seed.
private func generator(_ name: String, seed: Int) throws -> any Dataset {
    try Catalog.builtIn.make(\.datasets, name, ["seed": ConfigValue(integerLiteral: seed)])
}

private let noContext = DatasetContext(baseDirectory: "")

private func load(_ dataset: some Dataset) throws -> LoadedDataset<Double> {
    try dataset.load(as: Double.self, context: noContext)
}

/// How many targets equal each class index.
private func classCounts(_ loaded: LoadedDataset<Double>) -> [Int] {
    (0..<(loaded.classNames?.count ?? 0)).map { label in loaded.train.targets.storage.filter { $0 == Double(label) }.count }
}

/// The rows of the given class.
private func rows(of label: Int, in loaded: LoadedDataset<Double>) -> [[Double]] {
    loaded.train.inputs.nestedRows.enumerated().filter { loaded.train.targets.storage[$0.offset] == Double(label) }.map(\.element)
}

private func radius(_ point: [Double]) -> Double {
    (point[0] * point[0] + point[1] * point[1]).squareRoot()
}

@Suite struct GeneratorDataTests {
    /// Every registered dataset that needs nothing but defaults and a seed: the generators.
    static let names = Catalog.builtIn.datasets.names.filter { (try? generator($0, seed: 1)) != nil }

    @Test func theGeneratorsAreFound() {
        #expect(Self.names == ["blobs", "circles", "linear_regression", "moons", "sine", "spiral", "teacher", "xor"])
    }

    @Test(arguments: names)
    func sameSeedSameDataOtherSeedOtherData(name: String) throws {
        let first = try load(generator(name, seed: 7))
        let again = try load(generator(name, seed: 7))
        let other = try load(generator(name, seed: 8))
        #expect(first.train.inputs == again.train.inputs && first.train.targets == again.train.targets)
        #expect(first.train.inputs != other.train.inputs)
    }

    @Test(arguments: names)
    func loadsInFloatAsTheDoubleValuesRounded(name: String) throws {
        let double = try load(generator(name, seed: 3))
        let float = try generator(name, seed: 3).load(as: Float.self, context: noContext)
        #expect(float.train.inputs == double.train.inputs.converted(to: Float.self))
        #expect(float.train.targets == double.train.targets.converted(to: Float.self))
    }

    @Test func xorPointsAreNoisyCornersLabelledByXor() throws {
        let loaded = try load(XORDataset(["samples": 200, "noise": 0.1, "seed": 1]))
        #expect(loaded.train.inputs.rows == 200 && loaded.train.inputs.columns == 2)
        #expect(classCounts(loaded) == [100, 100])
        #expect(loaded.classNames == ["0", "1"] && loaded.featureNames == ["x1", "x2"])
        for (index, point) in loaded.train.inputs.nestedRows.enumerated() {
            let corner = [Double((index % 4) & 1), Double((index % 4) >> 1)]
            #expect(abs(point[0] - corner[0]) < 0.6 && abs(point[1] - corner[1]) < 0.6)
            #expect(loaded.train.targets.storage[index] == (corner[0] == corner[1] ? 0 : 1))
        }
        let exact = try load(XORDataset(["samples": 4, "noise": 0]))
        #expect(exact.train.inputs.storage == [0, 0, 1, 0, 0, 1, 1, 1])
        #expect(exact.train.targets.storage == [0, 1, 1, 0])
    }

    @Test func spiralRadiiAreEvenlySpacedPerClass() throws {
        let loaded = try load(SpiralDataset(["samples": 301, "classes": 3, "noise": 0.2]))
        #expect(classCounts(loaded) == [101, 100, 100])
        #expect(loaded.classNames == ["0", "1", "2"])
        for label in 0..<3 {
            let radii = rows(of: label, in: loaded).map(radius)
            let expected = (0..<radii.count).map { Double($0) / Double(radii.count - 1) }
            expectClose(radii, expected, relative: 1e-12, absoluteFloor: 1e-12, "class \(label) radii")
        }
        // Without noise the angle is 4k + 4r: class 1 at radius 1 has angle 8.
        let exact = try load(SpiralDataset(["samples": 6, "classes": 2, "noise": 0]))
        let last = exact.train.inputs.row(5)
        #expect(abs(last[0] - Double.sin(8)) < 1e-12 && abs(last[1] - Double.cos(8)) < 1e-12)
    }

    @Test func moonsLieOnTwoHalfCircles() throws {
        let loaded = try load(MoonsDataset(["samples": 201, "noise": 0]))
        #expect(loaded.train.inputs.rows == 201)
        #expect(classCounts(loaded) == [100, 101])
        for point in rows(of: 0, in: loaded) {
            #expect(abs(radius(point) - 1) < 1e-12 && point[1] >= -1e-12)
        }
        for point in rows(of: 1, in: loaded) {
            #expect(abs(radius([point[0] - 1, point[1] - 0.5]) - 1) < 1e-12 && point[1] <= 0.5 + 1e-12)
        }
        let noisy = try load(MoonsDataset(["samples": 200, "noise": 0.1]))
        let offsets = rows(of: 0, in: noisy).map { radius($0) - 1 }
        let spread = (offsets.map { $0 * $0 }.reduce(0, +) / Double(offsets.count)).squareRoot()
        #expect(spread > 0.05 && spread < 0.15)
    }

    @Test func circlesHaveRadiusOneAndFactor() throws {
        let loaded = try load(CirclesDataset(["samples": 200, "noise": 0, "factor": 0.3]))
        #expect(classCounts(loaded) == [100, 100])
        #expect(rows(of: 0, in: loaded).allSatisfy { abs(radius($0) - 1) < 1e-12 })
        #expect(rows(of: 1, in: loaded).allSatisfy { abs(radius($0) - 0.3) < 1e-12 })
        let noisy = try load(CirclesDataset([:]))
        #expect(rows(of: 0, in: noisy).allSatisfy { abs(radius($0) - 1) < 0.25 })
        #expect(rows(of: 1, in: noisy).allSatisfy { abs(radius($0) - 0.5) < 0.25 })
        #expect(throws: ExperimentError(file: "", message: "circles 'factor' must be in [0, 1), found 1.5")) {
            _ = try CirclesDataset(["factor": 1.5])
        }
    }

    @Test func blobsGatherAroundCentersInsideTheBox() throws {
        let loaded = try load(BlobsDataset(["samples": 300, "classes": 3, "features": 3, "spread": 1, "seed": 4]))
        #expect(loaded.train.inputs.columns == 3 && loaded.featureNames == ["x1", "x2", "x3"])
        #expect(classCounts(loaded) == [100, 100, 100])
        for label in 0..<3 {
            let points = rows(of: label, in: loaded)
            for feature in 0..<3 {
                let values = points.map { $0[feature] }
                let mean = values.reduce(0, +) / Double(values.count)
                let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                #expect(abs(mean) < 5.4 && deviation > 0.75 && deviation < 1.25)
            }
        }
        // With no spread every point is its center, drawn in [-5, 5].
        let tight = try load(BlobsDataset(["samples": 30, "classes": 3, "spread": 0]))
        for label in 0..<3 {
            let points = rows(of: label, in: tight)
            #expect(Set(points).count == 1 && points[0].allSatisfy { abs($0) <= 5 })
        }
    }

    @Test func sineIsSinePlusNoise() throws {
        let loaded = try load(SineDataset(["samples": 1000, "noise": 0.1, "seed": 2]))
        #expect(loaded.classNames == nil && loaded.featureNames == ["x"] && loaded.train.inputs.columns == 1)
        let x = loaded.train.inputs.storage, y = loaded.train.targets.storage
        #expect(x.allSatisfy { $0 >= -.pi && $0 < .pi })
        let residuals = zip(x, y).map { $1 - Double.sin($0) }
        let deviation = (residuals.map { $0 * $0 }.reduce(0, +) / 1000).squareRoot()
        #expect(deviation > 0.09 && deviation < 0.11)
        let exact = try load(SineDataset(["samples": 50, "noise": 0]))
        #expect(zip(exact.train.inputs.storage, exact.train.targets.storage).allSatisfy { $1 == Double.sin($0) })
    }

    @Test func leastSquaresRecoversTheTrueLinearWeights() throws {
        let dataset = try LinearRegressionDataset(["samples": 2000, "features": 3, "noise": 0.1, "seed": 9])
        let loaded = try load(dataset)
        #expect(loaded.classNames == nil && loaded.train.inputs.columns == 3)
        #expect(dataset.trueWeights.count == 3 && dataset.trueWeights.allSatisfy { abs($0) <= 2 })
        #expect(try dataset.trueWeights != LinearRegressionDataset(["features": 3, "seed": 10]).trueWeights)
        let fit = leastSquares(loaded.train.inputs.nestedRows.map { $0 + [1] }, loaded.train.targets.storage)
        expectClose(Array(fit[..<3]), dataset.trueWeights, relative: 0.02, absoluteFloor: 0.01, "fitted weights")
        #expect(abs(fit[3] - LinearRegressionDataset.trueBias) < 0.01)
    }

    /// Solves the normal equations XᵀX w = Xᵀy by Gaussian elimination.
    private func leastSquares(_ x: [[Double]], _ y: [Double]) -> [Double] {
        let n = x[0].count
        var system = (0..<n).map { i in
            (0..<n).map { j in x.reduce(0) { $0 + $1[i] * $1[j] } } + [zip(x, y).reduce(0) { $0 + $1.0[i] * $1.1 }]
        }
        for pivot in 0..<n {
            for row in (pivot + 1)..<n {
                let factor = system[row][pivot] / system[pivot][pivot]
                for column in pivot...n { system[row][column] -= factor * system[pivot][column] }
            }
        }
        var solution = [Double](repeating: 0, count: n)
        for row in (0..<n).reversed() {
            let known = ((row + 1)..<n).reduce(0) { $0 + system[row][$1] * solution[$1] }
            solution[row] = (system[row][n] - known) / system[row][row]
        }
        return solution
    }

    @Test func descriptionsNameTheSettings() throws {
        #expect(try XORDataset([:]).description == "xor(samples: 200, noise: 0.1)")
        #expect(try SpiralDataset(["seed": 3]).description == "spiral(samples: 300, classes: 3, noise: 0.2, seed: 3)")
        #expect(try CirclesDataset([:]).description == "circles(samples: 200, noise: 0.05, factor: 0.5)")
        #expect(try BlobsDataset([:]).description == "blobs(samples: 300, classes: 3, features: 2, spread: 1.0)")
        #expect(try TeacherDataset(["seed": 2]).description == "teacher(samples: 1000, features: 2, classes: 3, seed: 2)")
        #expect(try LinearRegressionDataset([:]).description == "linear(samples: 200, features: 1, noise: 0.1)")
        #expect(try MoonsDataset(["noise": 0.25]).description == "moons(samples: 200, noise: 0.25)")
    }

    /// Every generator's description names each setting `backprop list` shows, and no other.
    @Test func generatorDescriptionsNameEverySettingTheListShows() throws {
        var generators = 0
        for entry in Catalog.builtIn.describe(\.datasets) {
            guard let generator = try? Catalog.builtIn.make(\.datasets, entry.name, ["seed": 5]) as? any Generator else { continue }
            let inside = "\(generator)".drop { $0 != "(" }.dropFirst().dropLast()
            let keys = inside.split(separator: ", ").map { String($0.prefix { $0 != ":" }) }
            #expect(keys.sorted() == entry.settings.map(\.name).sorted(), "\(entry.name): \(generator)")
            generators += 1
        }
        #expect(generators == 8)
    }

    @Test func rejectsSettingsOutOfRange() {
        #expect(throws: ExperimentError(file: "", message: "spiral needs at least one sample per class (3), found 2")) {
            _ = try SpiralDataset(["samples": 2])
        }
        #expect(throws: ExperimentError(file: "", message: "spiral 'classes' must be from 2 to 10000000, found 1")) {
            _ = try SpiralDataset(["classes": 1])
        }
        #expect(throws: ExperimentError(file: "", message: "xor 'noise' must be >= 0, found -1")) {
            _ = try XORDataset(["noise": -1])
        }
        #expect(throws: ExperimentError(file: "", message: "blobs 'features' must be from 1 to 10000000, found 0")) {
            _ = try BlobsDataset(["features": 0])
        }
        #expect(throws: ExperimentError(file: "", message: "moons 'samples' must be from 2 to 10000000, found 1")) {
            _ = try MoonsDataset(["samples": 1])
        }
    }

    @Test func teacherLabelsAreTheArgmaxOfALinearMap() throws {
        let loaded = try load(TeacherDataset(["samples": 500, "features": 4, "classes": 3, "seed": 2]))
        #expect(loaded.train.inputs.columns == 4 && loaded.classNames == ["0", "1", "2"])
        // A linear classifier fits it exactly, so every class appears and the classes are not balanced by construction.
        let counts = classCounts(loaded)
        #expect(counts.count == 3 && counts.allSatisfy { $0 > 0 } && counts.reduce(0, +) == 500)
    }
}

// MARK: CSV

/// Writes `text` as `data.csv` in a fresh temporary folder; the returned
/// context resolves `data.csv` there, so errors name `data.csv`.
private func csvFile(_ text: String) throws -> DatasetContext {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: folder.appendingPathComponent("data.csv"))
    return DatasetContext(baseDirectory: folder.path)
}

private func loadCSV(_ text: String, target: String, hasHeader: Bool = true, delimiter: Character = ",", task: String? = nil,
                     oneHot: [String] = []) throws -> LoadedDataset<Double> {
    var settings: [(key: String, value: ConfigValue)] = [
        ("path", "data.csv"), ("target", ConfigValue(stringLiteral: target)), ("header", ConfigValue(booleanLiteral: hasHeader)),
        ("delimiter", ConfigValue(stringLiteral: String(delimiter))), ("one_hot", ConfigValue(.sequence(oneHot.map { ConfigValue(stringLiteral: $0) }))),
    ]
    if let task { settings.append(("task", ConfigValue(stringLiteral: task))) }
    return try CSVDataset(ConfigValue(entries: settings)).load(as: Double.self, context: csvFile(text))
}

/// Expects loading `text` to fail with `message` at `line` of data.csv.
private func expectCSVError(_ text: String, target: String = "y", line: Int?, _ message: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(throws: DataError(file: "data.csv", line: line, message: message), sourceLocation: sourceLocation) {
        _ = try loadCSV(text, target: target)
    }
}

@Suite struct CSVDataTests {
    @Test func readerHandlesQuotesDelimitersNewlinesAndBlankLines() throws {
        let text = "a,\"b,c\",\"d \"\"e\"\"\",\"f\r\ng\"\r\n\r\n1,2,,4\n\n"
        let records = try CSVReader.records(in: text, delimiter: ",", file: "t.csv")
        #expect(records == [CSVRecord(fields: ["a", "b,c", "d \"e\"", "f\ng"], line: 1),
                            CSVRecord(fields: ["1", "2", "", "4"], line: 4)])
        let noFinalNewline = try CSVReader.records(in: "x;y\n1;\"\"", delimiter: ";", file: "t.csv")
        #expect(noFinalNewline == [CSVRecord(fields: ["x", "y"], line: 1), CSVRecord(fields: ["1", ""], line: 2)])
    }

    @Test func stringLabelsAreClassesSortedByName() throws {
        let loaded = try loadCSV("""
            x1,"species, common",x2
            1,virginica,2
            3,setosa,4
            5,"versi
            color",6
            7.5,setosa,"8"
            """, target: "species, common")
        #expect(loaded.featureNames == ["x1", "x2"])
        #expect(loaded.classNames == ["setosa", "versi\ncolor", "virginica"])
        #expect(loaded.train.targets.storage == [2, 0, 1, 0])
        #expect(loaded.train.inputs.storage == [1, 2, 3, 4, 5, 6, 7.5, 8])
        #expect(loaded.test == nil)
    }

    @Test func fewIntegerLabelsAreClassesInNumericOrder() throws {
        let loaded = try loadCSV("x,label\r\n0.5,10\r\n1.5,2\r\n2.5,-1\r\n3.5,2", target: "label")
        #expect(loaded.classNames == ["-1", "2", "10"])
        #expect(loaded.train.targets.storage == [2, 1, 0, 1])
    }

    @Test func fractionalOrManyDistinctNumbersAreRegression() throws {
        let fractional = try loadCSV("x,y\n1,0.5\n2,1.25\n", target: "y")
        #expect(fractional.classNames == nil)
        #expect(fractional.train.targets.storage == [0.5, 1.25])
        let many = try loadCSV("x,y\n" + (0...20).map { "\($0),\($0 * 3)" }.joined(separator: "\n"), target: "y")
        #expect(many.classNames == nil)
        #expect(many.train.targets.storage == (0...20).map { Double($0 * 3) })
    }

    @Test func taskOverridesTheGuess() throws {
        let regression = try loadCSV("x,y\n1,1\n2,0\n", target: "y", task: "regression")
        #expect(regression.classNames == nil && regression.train.targets.storage == [1, 0])
        let classes = try loadCSV("x,y\n1,0.5\n2,0.25\n3,0.5\n", target: "y", task: "classification")
        #expect(classes.classNames == ["0.25", "0.5"] && classes.train.targets.storage == [1, 0, 1])
        #expect(throws: DataError(file: "data.csv", line: 3, message: "column 'y' is 'cat', not a number")) {
            _ = try loadCSV("x,y\n1,1\n2,cat\n", target: "y", task: "regression")
        }
        #expect(throws: ExperimentError(file: "", message: "unknown value for csv 'task': 'clustering'; known: classification, regression")) {
            _ = try loadCSV("x,y\n1,1\n", target: "y", task: "clustering")
        }
    }

    @Test func oneHotExpandsCategoricalColumns() throws {
        let loaded = try loadCSV("size,color,y\n1,red,a\n2,blue,b\n3,red,a\n", target: "y", oneHot: ["color"])
        #expect(loaded.featureNames == ["size", "color=blue", "color=red"])
        #expect(loaded.train.inputs.nestedRows == [[1, 0, 1], [2, 1, 0], [3, 0, 1]])
        #expect(throws: DataError(file: "data.csv", message: "one_hot names 'colour', which is not a feature column (did you mean 'color'?)")) {
            _ = try loadCSV("size,color,y\n1,red,a\n", target: "y", oneHot: ["colour"])
        }
    }

    @Test func withoutHeaderColumnsAreNumbered() throws {
        let loaded = try loadCSV("1;2;a\n3;4;b\n", target: "column3", hasHeader: false, delimiter: ";")
        #expect(loaded.featureNames == ["column1", "column2"])
        #expect(loaded.classNames == ["a", "b"] && loaded.train.inputs.storage == [1, 2, 3, 4])
    }

    @Test func nonNumericFeatureNamesColumnValueAndPhysicalLine() {
        // The quoted newline on lines 2-3 and the blank line 4 still count.
        expectCSVError("a,b,y\n1,2,\"multi\nline\"\n\n3,abc,x\n", line: 5, "column 'b' is 'abc', not a number (for a categorical column, list it in one_hot)")
        expectCSVError("a,b,y\n1,,x\n", line: 2, "column 'b' is missing (empty); add `missing: drop` to skip rows with missing values")
        expectCSVError("a,b,y\n1,NA,x\n", line: 2, "column 'b' is missing ('NA'); add `missing: drop` to skip rows with missing values")
    }

    /// Only plain decimals are numbers: C's wider syntax would read hex, inf
    /// and nan, and stop at a NUL byte, giving a value the file never wrote.
    @Test(arguments: ["4\u{0}xyz", "0x10", "inf", "1e", "--1", "1.2.3", "1e5e5", "+", ".", "1_000", "١٢"])
    func cellsThatAreNotPlainDecimalsAreErrors(cell: String) {
        expectCSVError("a,b,y\n1,\(cell),x\n", line: 2, "column 'b' is '\(CSVDataset.shortened(cell))', not a number (for a categorical column, list it in one_hot)")
    }

    @Test func plainDecimalsInEveryFormRead() throws {
        let loaded = try loadCSV("a,y\n-1.5,x\n+2e-3,y\n.5,x\n7.,y\n1E2,x\n", target: "y")
        #expect(loaded.train.inputs.storage == [-1.5, 0.002, 0.5, 7, 100])
    }

    @Test func wrongFieldCountNamesBothCounts() {
        expectCSVError("a,b,y\n1,2,x\n3,4\n", line: 3, "expected 3 fields, found 2")
        expectCSVError("a,b,y\n1,2,x,9\n", line: 2, "expected 3 fields, found 4")
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() {
        expectCSVError("a,b,y\n1,2,x\n3,\"4,y\n5,6,z\n", line: 3, "unterminated quoted field (the quote opened on this line is never closed)")
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        expectCSVError("a,b,y\n1,\"2\"3,x\n", line: 2, "unexpected '3' after a closing quote (a quote inside a quoted field is written \"\")")
    }

    @Test func missingTargetSuggestsTheClosestColumn() {
        expectCSVError("sepal,petal,species\n1,2,x\n", target: "specie", line: 1,
                       "no column 'specie' (did you mean 'species'?); columns: sepal, petal, species")
        expectCSVError("sepal,petal,species\n1,2,x\n", target: "colour", line: 1, "no column 'colour'; columns: sepal, petal, species")
    }

    @Test func emptyFilesAndHeaderOnlyAreExplained() {
        expectCSVError("", line: nil, "empty file: expected a header row and data rows")
        expectCSVError("\n\n", line: nil, "empty file: expected a header row and data rows")
        expectCSVError("a,y\n", line: nil, "no data rows: the file has only a header")
        expectCSVError("y\n1\n", line: nil, "no feature columns: the only column is the target 'y'")
        expectCSVError("a,a,y\n1,2,3\n", line: 1, "column 'a' appears twice in the header")
        expectCSVError("a,y\n1,\n", line: 2, "column 'y' is missing (empty); add `missing: drop` to skip rows with missing values")
    }

    /// Bug: an unnamed pandas index column became a feature (on sorted data it gives the label away).
    @Test func anUnnamedFirstColumnIsDroppedWithAWarningAndIgnoreDropsOthers() throws {
        let context = try csvFile(",a,b,id,y\n0,1,2,77,x\n1,3,4,78,z\n")
        let loaded = try CSVDataset(["path": "data.csv", "target": "y", "ignore": ["id"]]).load(as: Double.self, context: context)
        #expect(loaded.featureNames == ["a", "b"] && loaded.train.inputs.storage == [1, 2, 3, 4])
        #expect(loaded.warnings == ["data.csv: dropped the unnamed first column (a pandas index?); name it to use it as a feature"])
        #expect { try CSVDataset(["path": "data.csv", "target": "y", "ignore": ["ids"]]).load(as: Double.self, context: context) } throws: {
            "\($0)" == "ignore names 'ids', which is not a column of data.csv (did you mean 'id'?)"
        }
        #expect { try CSVDataset(["path": "data.csv", "target": "y", "ignore": ["y"]]) } throws: {
            "\($0)" == "ignore names 'y', the target column"
        }
        #expect { try CSVDataset(["path": "data.csv", "target": "y", "ignore": ["id", "id"]]) } throws: {
            "\($0)" == "ignore lists 'id' twice"
        }
        // Read by pandas and written again, the index column is called `Unnamed: 0`.
        let again = try csvFile("Unnamed: 0,a,y\n0,1,x\n1,3,z\n")
        #expect(try CSVDataset(["path": "data.csv", "target": "y"]).load(as: Double.self, context: again).featureNames == ["a"])
        // A repeated column is an error even when `ignore` names it.
        #expect(throws: DataError(file: "data.csv", line: 1, message: "column 'a' appears twice in the header")) {
            _ = try CSVDataset(["path": "data.csv", "target": "y", "ignore": ["a"]]).load(as: Double.self, context: try csvFile("a,a,y\n1,2,x\n"))
        }
    }

    /// Bug: NA was a hard error whose hint ("list it in one_hot") misled.
    @Test func missingValuesAreDroppedWhenAskedWithTheirFileRows() throws {
        let context = try csvFile("a,y\n1,x\nNA,x\n3,?\n4,z\n n/a ,z\n6,x\n")
        let loaded = try CSVDataset(["path": "data.csv", "target": "y", "missing": "drop"]).load(as: Double.self, context: context)
        #expect(loaded.train.inputs.storage == [1, 4, 6] && loaded.classNames == ["x", "z"])
        #expect(loaded.trainRowNumbers == [0, 3, 5])
        #expect(loaded.warnings == ["data.csv: dropped 3 of 6 rows with missing values"])
        #expect(throws: DataError(file: "data.csv", line: 3, message: "column 'a' is missing ('NA'); add `missing: drop` to skip rows with missing values")) {
            _ = try CSVDataset(["path": "data.csv", "target": "y"]).load(as: Double.self, context: context)
        }
        #expect { try CSVDataset(["path": "data.csv", "target": "y", "missing": "skip"]) } throws: { error in
            "\(error)" == "unknown value for csv 'missing': 'skip'; known: drop, error"
        }
    }

    @Test func aTestFileIsReadWithTheTrainingFilesClassesAndCategories() throws {
        let context = try csvFile("a,colour,y\n1,red,cat\n2,blue,dog\n3,red,emu\n")
        try "a,colour,y\n5,blue,emu\n6,red,emu\n".write(toFile: context.baseDirectory + "/test.csv", atomically: true, encoding: .utf8)
        let loaded = try CSVDataset(["path": "data.csv", "target": "y", "one_hot": ["colour"], "test_path": "test.csv"])
            .load(as: Double.self, context: context)
        let test = try #require(loaded.test)
        #expect(test.targets.storage == [2, 2])  // emu is class 2 of cat, dog, emu, though the test file has only emu
        #expect(test.inputs.storage == [5, 1, 0, 6, 0, 1])  // a, colour=blue, colour=red
        try "a,colour,y\n5,blue,yak\n".write(toFile: context.baseDirectory + "/test.csv", atomically: true, encoding: .utf8)
        #expect(throws: DataError(file: "test.csv", line: 2, message: "column 'y' has 'yak', a class the training data does not have (classes: cat, dog, emu)")) {
            _ = try CSVDataset(["path": "data.csv", "target": "y", "one_hot": ["colour"], "test_path": "test.csv"]).load(as: Double.self, context: context)
        }
        try "a,y\n5,emu\n".write(toFile: context.baseDirectory + "/test.csv", atomically: true, encoding: .utf8)
        #expect(throws: DataError(file: "test.csv", line: 1, message: "the test file's columns (a, y) differ from data.csv's (a, colour, y)")) {
            _ = try CSVDataset(["path": "data.csv", "target": "y", "one_hot": ["colour"], "test_path": "test.csv"]).load(as: Double.self, context: context)
        }
    }

    @Test func numbersFloat32CannotHoldAreErrorsWithTheirLine() throws {
        let context = try csvFile("a,y\n1,2.5\n1e39,3.5\n")
        #expect(throws: DataError(file: "data.csv", line: 3, message: "column 'a' is 1e+39, too large for float32; use dtype: float64")) {
            _ = try CSVDataset(["path": "data.csv", "target": "y"]).load(as: Float.self, context: context)
        }
        #expect(try CSVDataset(["path": "data.csv", "target": "y"]).load(as: Double.self, context: context).train.inputs.storage == [1, 1e39])
    }

    @Test func withoutATargetOnlyPredictCanReadTheFile() throws {
        let context = try csvFile("a,b\n1,2\n3,4\n")
        var forPredict = context
        forPredict.requiresTargets = false
        let loaded = try CSVDataset(["path": "data.csv"]).load(as: Double.self, context: forPredict)
        #expect(loaded.train.inputs.storage == [1, 2, 3, 4] && loaded.train.targets.columns == 0)
        #expect { try CSVDataset(["path": "data.csv"]).load(as: Double.self, context: context) } throws: { error in
            "\(error)".hasSuffix("csv needs 'target', the label column (only predict may leave it out)")
        }
    }

    @Test func missingFileIsPlacedAtItsYAMLValueWithTheResolvedPath() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try """
            name: absent
            dataset:
              csv: {target: y,
                    path: absent.csv}
            model: [{dense: {units: 1}}]
            loss: mse
            train: {optimizer: {sgd: {lr: 0.1}}}
            """.write(toFile: root + "/exp.yaml", atomically: true, encoding: .utf8)
        let plan = try ExperimentLoader(catalog: .builtIn).load(path: root + "/exp.yaml")
        #expect { try ExperimentRunner.validate(plan) } throws: { error in
            "\(error)" == "\(root)/exp.yaml:4:15: no such file: absent.csv (looked for \(root)/absent.csv)"
        }
    }

    @Test func errorDescriptionIsFileLineMessage() {
        #expect(DataError(file: "data/iris.csv", line: 14, message: "expected 5 fields, found 4").description
                == "data/iris.csv:14: expected 5 fields, found 4")
    }

    @Test func closestNameSuggestsOnlyCloseNames() {
        #expect(closestName(to: "adma", in: ["sgd", "adam", "adamw"]) == "adam")
        #expect(closestName(to: "Species", in: ["sepal", "species"]) == "species")
        #expect(closestName(to: "colour", in: ["sepal", "species"]) == nil)
    }
}
