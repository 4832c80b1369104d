import BackpropAnalysis

/// A metric over epochs for one run label: mean, min and max over seeds at each epoch.
struct SeedBand {
    var x: [Double]
    var mean: [Double]
    var lower: [Double]
    var upper: [Double]

    /// Aggregates `value(record)` across seeds, epoch by epoch, skipping missing and
    /// non-finite values; `xValue` gives the x coordinate (epoch, or mean seconds).
    /// A seed that stopped early without diverging (it reached its threshold or
    /// converged) keeps its last record, so the mean does not jump when it stops.
    static func over(_ results: [RunResult], value: (EpochRecord) -> Double?,
                     x xValue: (EpochRecord) -> Double = { Double($0.epoch) }) -> SeedBand {
        let longest = results.map { $0.history.records.count }.max() ?? 0
        var band = SeedBand(x: [], mean: [], lower: [], upper: [])
        for index in 0..<longest {
            let records = results.compactMap { result -> EpochRecord? in
                let records = result.history.records
                if records.indices.contains(index) { return records[index] }
                return result.history.diverged ? nil : records.last
            }
            let values = records.compactMap(value).filter { $0.isFinite }
            guard !values.isEmpty else { continue }
            let own = results.compactMap { $0.history.records.indices.contains(index) ? $0.history.records[index] : nil }
            band.x.append(own.isEmpty ? Double(index) : own.map(xValue).reduce(0, +) / Double(own.count))
            band.mean.append(values.reduce(0, +) / Double(values.count))
            band.lower.append(values.min() ?? 0)
            band.upper.append(values.max() ?? 0)
        }
        return band
    }
}
