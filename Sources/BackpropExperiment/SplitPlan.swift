import BackpropTraining

/// `dataset: {split: {validation: 0.2, test: 0.2, seed: 7, stratify: true}}`:
/// the rows held out of training, chosen by a seeded shuffle, so the same
/// file gives the same split everywhere (`splits.csv` in the output lists
/// them). Stratified, every class is split in the same proportions.
package struct SplitPlan: Sendable, Equatable {
    /// A fraction of all rows, or a number of rows.
    package enum Size: Sendable, Equatable {
        case fraction(Double)
        case count(Int)

        package func count(of total: Int) -> Int {
            switch self {
            case .fraction(let fraction): return Int((Double(total) * fraction).rounded())
            case .count(let count): return count
            }
        }
    }

    package var validation: Size?
    package var test: Size?
    /// The shuffle's seed; the default keeps the split of files written
    /// before `seed` existed.
    package var seed: UInt64
    package var stratify: Bool

    package static let defaultSeed: UInt64 = 0x5EED

    /// The rows of each part, each list ascending. `classes` (one per row) is
    /// needed to stratify.
    func rows(count total: Int, classes: [Int]?) throws -> SplitRows {
        let testCount = test?.count(of: total) ?? 0
        let validationCount = validation?.count(of: total) ?? 0
        guard test == nil || testCount >= 1, validation == nil || validationCount >= 1,
              testCount + validationCount < total else {
            throw SplitError("split 'validation' and 'test' must each keep at least one sample and leave at least one for training; the dataset has \(total)")
        }
        var random = RandomGenerator(seed: seed)
        var held: (test: [Int], validation: [Int])
        if stratify {
            guard let classes else { throw SplitError("split 'stratify' needs class labels; this dataset is a regression problem") }
            held = Self.stratified(classes: classes, test: testCount, validation: validationCount, random: &random)
        } else {
            var order = Array(0..<total)
            random.shuffle(&order)
            held = (Array(order[..<testCount]), Array(order[testCount..<(testCount + validationCount)]))
        }
        let out = Set(held.test + held.validation)
        return SplitRows(train: (0..<total).filter { !out.contains($0) }, validation: held.validation.sorted(), test: held.test.sorted())
    }

    /// Each class shuffled on its own and cut in proportion; the shares that
    /// rounding leaves over go to the classes with the largest remainders.
    private static func stratified(classes: [Int], test: Int, validation: Int, random: inout RandomGenerator) -> (test: [Int], validation: [Int]) {
        let labels = Set(classes).sorted()
        var members = labels.map { label in classes.indices.filter { classes[$0] == label } }
        for index in members.indices { random.shuffle(&members[index]) }
        let testShares = shares(of: test, sizes: members.map(\.count))
        let validationShares = shares(of: validation, sizes: zip(members, testShares).map { $0.count - $1 })
        var held: (test: [Int], validation: [Int]) = ([], [])
        for (index, rows) in members.enumerated() {
            held.test += rows[..<testShares[index]]
            held.validation += rows[testShares[index]..<(testShares[index] + validationShares[index])]
        }
        return held
    }

    /// `total` divided in proportion to `sizes`, never more than a size.
    private static func shares(of total: Int, sizes: [Int]) -> [Int] {
        let all = sizes.reduce(0, +)
        guard all > 0 else { return sizes.map { _ in 0 } }
        let exact = sizes.map { Double($0) * Double(total) / Double(all) }
        var shares = exact.map { Int($0) }
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(shares[$0]), -$0) > (exact[$1] - Double(shares[$1]), -$1) }
        var left = total - shares.reduce(0, +)
        for index in byRemainder where left > 0 && shares[index] < sizes[index] {
            shares[index] += 1
            left -= 1
        }
        return shares
    }
}

/// `split: {validation: 0.2, test: 50, seed: 7, stratify: true}`.
extension SplitPlan: FileSection {
    static let key = "split"
    private static let sizeConstraint = "a fraction in (0, 1) or a number of samples from 1 to \(Settings.Check.largestCount)"

    init(settings: Settings) throws {
        self.init(validation: try Self.size("validation", in: settings), test: try Self.size("test", in: settings),
                  seed: try settings.seed("seed", default: Self.defaultSeed), stratify: try settings.bool("stratify", default: false))
        try settings.finish()  // misspelt keys before the checks that span keys
        guard validation != nil || test != nil || settings.isDescribing else {
            throw settings.problem("split holds nothing out: give validation, test or both (a fraction or a number of rows)")
        }
    }

    /// The rows held out under `key`: a fraction of them, or a number.
    private static func size(_ key: String, in settings: Settings) throws -> Size? {
        try settings.optionalValue(key, sizeConstraint).map { value in
            let number = try value.double()
            if number > 0 && number < 1 { return .fraction(number) }
            // 1.0 reads as "all of it" as often as "one row": say which it is.
            if number == 1 && value.text.contains(".") {
                throw value.error("split '\(key)' of 1.0 would hold out every row; write a fraction below 1, or 1 for a single row")
            }
            if number >= 1 && number == number.rounded() && number <= Double(Settings.Check.largestCount) { return .count(Int(number)) }
            throw value.error("split '\(key)' must be \(sizeConstraint), found \(value.text)")
        }
    }
}

/// A split the data cannot be cut into; the caller adds the position.
struct SplitError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
