import BackpropAnalysis

/// The line charts of a metric by epoch (or by seconds): every run has its
/// own colour and marker, its line the mean over seeds, and a translucent
/// band spans the smallest to the largest seed at each point. The training
/// curve is solid; a held-out (validation) curve of the same run is dashed in
/// the same colour.
enum BandChart {
    static let maximumLegendRuns = 80
    /// One metric of every run: training values, or held-out ones (dashed).
    struct Series {
        var heldOut: Bool
        var value: (EpochRecord) -> Double?

        static func training(_ value: @escaping (EpochRecord) -> Double?) -> Series { Series(heldOut: false, value: value) }
        static func validation(_ value: @escaping (EpochRecord) -> Double?) -> Series { Series(heldOut: true, value: value) }
    }

    /// `byEpoch`: x is the epoch (so the page can also draw it against seconds);
    /// `unitInterval`: the values are fractions, such as accuracy.
    static func draw(_ result: ExperimentResult, name: String, title: String, xLabel: String, yLabel: String,
                     logY: Bool, unitInterval: Bool = false, settings: [String] = [], byEpoch: Bool = true,
                     x: @escaping (EpochRecord) -> Double = { Double($0.epoch) }, series: [Series]) -> ChartFiles {
        var blocks: [[String]] = []
        var pageSeries: [PageChart.Series] = []
        // Where validation curves are dashed, training ones are solid; otherwise each run has its own dash.
        let dashesMeanValidation = series.contains(where: \.heldOut) && result.validationSamples > 0
        var divergedMarks: [String] = []
        var parts: [String] = []
        var runsShown = 0
        var drewHeldOut = false
        for (curve, label) in result.labels.enumerated() {
            let results = result.results(for: label)
            // A diverged seed has no value to draw: the page and the PNG mark the epoch it diverged.
            let divergedSeeds = results.filter(\.history.diverged)
            let divergedEpochs = divergedSeeds.compactMap { $0.history.records.last?.epoch }
            var titled = false
            for entry in series {
                let band = SeedBand.over(results, value: { record in
                    entry.value(record).flatMap { logY && $0 <= 0 ? nil : $0 }
                }, x: x)
                guard !band.x.isEmpty else { continue }
                pageSeries.append(pageCurve(results, band: band, label: label, curve: curve, heldOut: entry.heldOut, byEpoch: byEpoch,
                                             divergedSeeds: divergedSeeds.count, divergedEpochs: divergedEpochs, value: entry.value))
                blocks.append(["# \(label.replacingNewlines)\(entry.heldOut ? " (validation)" : ""): \(xLabel), mean, min, max over seeds"]
                    + band.x.indices.map { "\(band.x[$0]) \(band.mean[$0]) \(band.lower[$0]) \(band.upper[$0])" })
                let index = blocks.count - 1
                let source = index == 0 ? Gnuplot.quoted("\(name).dat") : "''"
                parts.append("\(source) index \(index) using 1:3:4 with filledcurves fc rgb '\(Gnuplot.color(curve))' fs transparent solid \(entry.heldOut ? 0.08 : 0.15) noborder notitle")
                // One legend entry per run; a diverged run says so, its curve may be a single point.
                let legend = divergedSeeds.isEmpty ? label : "\(label) (diverged: \(divergedSeeds.count)/\(results.count))"
                let dash = entry.heldOut ? 2 : (dashesMeanValidation ? 1 : Gnuplot.dash(curve))
                let style = "lc rgb '\(Gnuplot.color(curve))' lw \(entry.heldOut ? 1.5 : 2) dt \(dash) pt \(Gnuplot.pointType(curve)) ps 0.6 pi \(max(1, band.x.count / 8))"
                parts.append("'' index \(index) using 1:2 with linespoints \(style) " + (titled ? "notitle" : "title \(Gnuplot.quoted(legend))"))
                titled = true
                drewHeldOut = drewHeldOut || entry.heldOut
            }
            if titled { runsShown += 1 }
            for epoch in Set(divergedEpochs).sorted() where byEpoch {
                divergedMarks.append("set label \(divergedMarks.count + 1) '✕' at first \(epoch), graph 0.97 center tc rgb '\(Gnuplot.color(curve))' front")
            }
        }
        if drewHeldOut {
            parts += ["NaN with lines lc rgb '#444444' lw 2 dt 1 title 'training (solid)'",
                      "NaN with lines lc rgb '#444444' lw 1.5 dt 2 title 'validation (dashed)'"]
        }
        // A legend grows the image with the runs; past `maximumLegendRuns` it would outgrow
        // what gnuplot can draw and what anyone can read, so it is left out and the title says so.
        let legend = runsShown <= Self.maximumLegendRuns
        let keyEntries = legend ? runsShown + (drewHeldOut ? 2 : 0) : 0
        var script = Gnuplot.header(output: "\(name).png", height: max(600, 20 * keyEntries + 140), curves: 0)
        let fullTitle = legend ? title : title + " (\(runsShown) runs, no legend: see metrics.csv)"
        script += ["set title \(Gnuplot.quoted(fullTitle))", "set xlabel \(Gnuplot.quoted(xLabel))", "set ylabel \(Gnuplot.quoted(yLabel))"]
        if !legend { script.append("set key off") }
        if logY { script.append("set logscale y") }
        script += settings + divergedMarks
        if parts.isEmpty {
            script += ["set label 1 'no finite values to plot (every run diverged?)' at graph 0.5, 0.5 center", "plot [0:1] [0:1] NaN notitle"]
        } else {
            script.append("plot " + parts.joined(separator: ", \\\n     "))
        }
        var files = ChartFiles(name: name, dataFiles: [("\(name).dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
        // The page says "(log scale)" itself: its reader can switch the axis.
        files.page = PageChart(id: name, title: title, xLabel: xLabel, yLabel: yLabel.replacingOccurrences(of: " (log scale)", with: ""), logY: logY, unitInterval: unitInterval, series: pageSeries)
        return files
    }

    /// One run's curve for the page: the band as drawn, the mean seconds at
    /// each point (when x is the epoch), and where its seeds diverged.
    static func pageCurve(_ results: [RunResult], band: SeedBand, label: String, curve: Int, heldOut: Bool, byEpoch: Bool,
                          divergedSeeds: Int, divergedEpochs: [Int], value: @escaping (EpochRecord) -> Double?) -> PageChart.Series {
        let seconds = byEpoch ? SeedBand.over(results, value: value, x: { $0.seconds }).x : nil
        return PageChart.Series(
            group: label, heldOut: heldOut, color: Gnuplot.color(curve), dash: Gnuplot.svgDash(curve), seeds: results.count,
            divergedSeeds: divergedSeeds, x: band.x, t: seconds?.count == band.x.count ? seconds : nil,
            y: band.mean, lo: band.lower, hi: band.upper,
            divergedAt: byEpoch ? divergedEpochs.map(Double.init) : [])
    }
}

extension String {
    /// For comments in data files: a label never breaks the line structure.
    var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
