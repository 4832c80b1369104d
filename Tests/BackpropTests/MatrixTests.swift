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

@Suite struct MatrixTests {
    func naiveProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in (0..<b[0].count).map { column in zip(row, b.map { $0[column] }).reduce(0) { $0 + $1.0 * $1.1 } } }
    }

    func transpose(_ a: [[Double]]) -> [[Double]] {
        (0..<a[0].count).map { column in a.map { $0[column] } }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func productMatchesNaiveLoops(transposeA: Bool, transposeB: Bool) {
        var random = RandomGenerator(seed: 11)
        let a = (0..<3).map { _ in (0..<4).map { _ in random.normal() } }
        let b = (0..<4).map { _ in (0..<5).map { _ in random.normal() } }
        let storedA = transposeA ? transpose(a) : a
        let storedB = transposeB ? transpose(b) : b
        let product = Matrix(storedA).matmul(Matrix(storedB), transposeSelf: transposeA, transposeOther: transposeB)
        #expect(product.rows == 3 && product.columns == 5)
        let expected = naiveProduct(a, b).flatMap { $0 }
        expectClose(product.storage, expected, relative: 1e-12, "product")
    }

    @Test func floatProductGoesThroughSgemm() {
        let a = Matrix<Float>([[1, 2], [3, 4]])
        let b = Matrix<Float>([[5, 6], [7, 8]])
        #expect(a.matmul(b).storage == [19, 22, 43, 50])
    }

    @Test func accumulatesWithBeta() {
        let a = Matrix<Double>([[1, 2]])
        let b = Matrix<Double>([[3], [4]])
        var c = Matrix<Double>([[10]])
        Matrix.multiply(a, b, into: &c, alpha: 2, beta: 1)
        #expect(c.storage == [32])
    }

    @Test func reshapeKeepsCapacitySoSmallerBatchesDoNotReallocate() {
        var m = Matrix<Double>(rows: 32, columns: 4)
        let capacity = m.storage.capacity
        m.reshape(rows: 7, columns: 4)
        #expect(m.count == 28)
        m.reshape(rows: 32, columns: 4)
        #expect(m.storage.capacity == capacity)
    }

    @Test func gatherRowsAndColumnSums() {
        let m = Matrix<Double>([[1, 2], [3, 4], [5, 6]])
        var picked = Matrix<Double>(rows: 0, columns: 0)
        picked.gatherRows(of: m, at: [2, 0])
        #expect(picked.nestedRows == [[5, 6], [1, 2]])
        var sums = [0.0, 0.0]
        m.columnSums(into: &sums)
        #expect(sums == [9, 12])
    }

    @Test func shapeMismatchStopsWithAMessage() async throws {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix<Double>([[1, 2]]).matmul(Matrix<Double>([[1, 2]]))
        }
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        #expect(message.contains("matrix product shape mismatch: (1x2) x (1x2)"), "stderr: \(message)")
    }
}

@Suite struct RandomGeneratorTests {
    @Test func sameSeedSameNumbersOnEveryMachine() {
        var a = RandomGenerator(seed: 42)
        var b = RandomGenerator(seed: 42)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        // Pinned: xoshiro256** seeded by SplitMix64 is fully specified, so these
        // values change only if the generator itself changes.
        var pinned = RandomGenerator(seed: 0)
        #expect(pinned.next() == 11_091_344_671_253_066_420)
        var other = RandomGenerator(seed: 43)
        #expect(other.next() != first[0])
    }

    @Test func uniformAndNormalHaveTheRightMoments() {
        var random = RandomGenerator(seed: 7)
        let count = 200_000
        let uniforms = (0..<count).map { _ in random.uniform(-1, 3) }
        #expect(uniforms.allSatisfy { $0 >= -1 && $0 < 3 })
        #expect(abs(uniforms.reduce(0, +) / Double(count) - 1) < 0.02)
        let normals = (0..<count).map { _ in random.normal(mean: 2, standardDeviation: 0.5) }
        let mean = normals.reduce(0, +) / Double(count)
        let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
        #expect(abs(mean - 2) < 0.01)
        #expect(abs(variance.squareRoot() - 0.5) < 0.01)
    }

    @Test func shuffleIsAPermutationAndSeeded() {
        var a = RandomGenerator(seed: 3)
        var b = RandomGenerator(seed: 3)
        var x = Array(0..<100)
        var y = Array(0..<100)
        a.shuffle(&x)
        b.shuffle(&y)
        #expect(x == y)
        #expect(x != Array(0..<100))
        #expect(x.sorted() == Array(0..<100))
    }

    @Test func integersAreInRangeAndCoverIt() {
        var random = RandomGenerator(seed: 5)
        let draws = (0..<10_000).map { _ in random.integer(below: 7) }
        #expect(Set(draws) == Set(0..<7))
    }
}
