import Foundation

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
        /// x at each point; nil when they are the whole numbers from `xStart`
        /// (epochs, almost always), which the page counts out itself.
        var x: [Double]?
        var xStart: Double?
        /// Mean seconds at each point, where the chart can be drawn against time.
        var t: [Double]?
        var y: [Double?]
        /// The smallest and largest seed at each point; nil for one seed, which has no band.
        var lo: [Double?]?
        var hi: [Double?]?
        /// The epochs at which seeds of this run diverged.
        var divergedAt: [Double]

        init(group: String, heldOut: Bool, color: String, dash: String, seeds: Int, divergedSeeds: Int, x: [Double], t: [Double]?,
             y: [Double], lo: [Double], hi: [Double], divergedAt: [Double]) {
            self.group = group
            self.heldOut = heldOut
            self.color = color
            self.dash = dash
            self.seeds = seeds
            self.divergedSeeds = divergedSeeds
            let counted = x.first.map { first in x.indices.allSatisfy { x[$0] == first + Double($0) } } ?? false
            self.x = counted ? nil : x.roundedForDisplay
            xStart = counted ? x.first : nil
            self.t = t?.roundedForDisplay
            self.y = y.finiteOrNull
            self.lo = seeds > 1 ? lo.finiteOrNull : nil
            self.hi = seeds > 1 ? hi.finiteOrNull : nil
            self.divergedAt = divergedAt
        }
    }
}

extension Array where Element == Double {
    /// Non-finite values as JSON's null (JSON has no NaN or infinity), the
    /// others to 5 significant digits: a chart cannot show more, and a
    /// 300-run sweep's page stays small.
    var finiteOrNull: [Double?] { map { $0.isFinite ? $0.roundedForDisplay : nil } }
    var roundedForDisplay: [Double] { map(\.roundedForDisplay) }
}

extension Double {
    var roundedForDisplay: Double {
        guard isFinite, self != 0 else { return self }
        let scale = Foundation.pow(10, 4 - (Foundation.log10(abs(self))).rounded(.down))
        let rounded = (self * scale).rounded() / scale
        return rounded.isFinite ? rounded : self
    }
}
