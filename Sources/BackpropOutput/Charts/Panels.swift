import BackpropAnalysis

/// The layout of a chart drawn as small multiples, one panel per run: at
/// most `maximum` panels, so a sweep of hundreds of runs still fits in an
/// image gnuplot's cairo terminal can draw (32767 pixels a side), and the
/// title says when runs were left out.
struct Panels {
    static let maximum = 36

    /// The runs that get a panel, in order.
    let labels: [String]
    let columns: Int
    let rows: Int
    /// " (first 36 of 250 runs)", or "" when every run has its panel.
    let note: String

    init(_ all: [String], columns: Int) {
        labels = Array(all.prefix(Self.maximum))
        self.columns = min(columns, max(labels.count, 1))
        rows = (labels.count + self.columns - 1) / self.columns
        note = all.count > labels.count ? " (first \(labels.count) of \(all.count) runs)" : ""
    }
}
