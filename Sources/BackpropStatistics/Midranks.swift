/// Ranks of values in ascending order, tied values sharing the mean of the
/// ranks they span (midranks), as scipy's `rankdata(method="average")`.
/// Ranks are kept doubled: a midrank is a multiple of ½, so twice it is an
/// integer, which lets the Wilcoxon test count rank sums exactly. NaN ranks
/// after every number, NaNs tied with each other.
struct Midranks {
    /// Twice each value's rank, in the order of the values (ranks start at 1).
    let doubled: [Int]
    /// The size of every group of equal values, single values included.
    let groupSizes: [Int]

    init(_ values: [Double]) {
        let order = values.indices.sorted { Self.ranksBefore(values[$0], values[$1]) }
        var doubled = [Int](repeating: 0, count: values.count)
        var groupSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && Self.tie(values[order[end + 1]], values[order[start]]) { end += 1 }
            // Positions start...end hold ranks start + 1 ... end + 1; their mean, doubled.
            for position in start...end { doubled[order[position]] = start + end + 2 }
            groupSizes.append(end - start + 1)
            start = end + 1
        }
        self.doubled = doubled
        self.groupSizes = groupSizes
    }

    /// The ranks themselves (multiples of ½).
    var ranks: [Double] { doubled.map { Double($0) / 2 } }

    private static func ranksBefore(_ a: Double, _ b: Double) -> Bool {
        a.isNaN ? false : (b.isNaN || a < b)
    }

    private static func tie(_ a: Double, _ b: Double) -> Bool {
        a == b || (a.isNaN && b.isNaN)
    }
}
