/// A line chart as report.html draws it in the browser: the numbers behind
/// a PNG, so a reader can hover, hide runs, zoom and switch axes. Encoded as
/// JSON into the page; `ReportScript` draws it.
package struct PageChart: Encodable, Sendable {
    /// The chart's name (`loss`): its element is `chart-NAME`.
    var id: String
    var title: String
    var xLabel: String
    var yLabel: String
    var logY: Bool
    /// Accuracy-like: fitted to the data by default, with 0–1 one click away.
    var unitInterval: Bool
    var series: [Series]

    /// One run's curve of one split: mean over seeds, with the smallest and
    /// largest seed at each point. Missing or non-finite values are null.
    struct Series: Encodable, Sendable {
        /// The run's label: the legend shows and hides a run's curves together.
        var group: String
        var heldOut: Bool
        var color: String
        var dash: String
        var seeds: Int
        var divergedSeeds: Int
        var x: [Double]
        /// Mean seconds at each point, where the chart can be drawn against time.
        var t: [Double]?
        var y: [Double?]
        var lo: [Double?]
        var hi: [Double?]
        /// The epochs at which seeds of this run diverged.
        var divergedAt: [Double]
    }
}

extension Array where Element == Double {
    /// Non-finite values as JSON's null (JSON has no NaN or infinity).
    var finiteOrNull: [Double?] { map { $0.isFinite ? $0 : nil } }
}
