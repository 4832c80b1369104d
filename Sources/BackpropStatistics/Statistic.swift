/// Mean and spread of a value over seeds.
package struct Statistic: Codable, Equatable, Sendable {
    package var mean: Double
    /// Sample standard deviation (n − 1); 0 for a single seed.
    package var std: Double
    package var count: Int

    /// Nil when no value is finite.
    package init?(_ values: [Double]) {
        let finite = values.filter { $0.isFinite }
        guard !finite.isEmpty else { return nil }
        let average = finite.reduce(0, +) / Double(finite.count)
        mean = average
        let squares = finite.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        let spread = finite.count > 1 ? (squares / Double(finite.count - 1)).squareRoot() : 0
        // Identical values can leave rounding noise (1e-16) that reads as a real spread.
        std = spread <= 1e-12 * abs(average) ? 0 : spread
        count = finite.count
    }
}
