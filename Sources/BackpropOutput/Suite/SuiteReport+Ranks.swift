import BackpropAnalysis

/// The suite report's score table with quality beside speed, what the score
/// cannot see, the rank comparisons and their critical-difference diagram.
extension SuiteReport {
    static func scoreTable(_ scores: SuiteScores) -> [String] {
        let escape = Report.escape
        var header = ["contender", "score (speed)", "targets reached", "mean rank: speed", "mean rank: quality"]
        header += scores.problems.map { "r (\($0.testMetric)) on \(escape($0.name))\($0.excluded == nil ? "" : ", left out")" }
        var lines = Report.row(header) + [Report.separator(header.count)]
        for overall in scores.ranked {
            var cells = [escape(overall.contender), formatSignificant(overall.score, digits: 3), "\(overall.reached) of \(scores.counted.count)",
                         overall.speedRank.map { formatSignificant($0, digits: 3) } ?? "—", overall.qualityRank.map { formatSignificant($0, digits: 3) } ?? "—"]
            for (problem, ratio) in zip(scores.problems, overall.ratios) {
                let contender = problem.contenders.first { $0.contender == overall.contender }
                let diverged = contender.map { $0.diverged > 0 && $0.testMean != nil ? ", \($0.diverged)/\($0.seeds) diverged" : "" } ?? ""
                let quality = (contender?.testMean.map { formatSignificant($0, digits: 3) } ?? "diverged") + diverged
                // Every rerun short of all is shown: 2 of 3 counts as reached (most reruns), but not silently.
                let reached = contender.map { $0.reached == $0.seeds ? "" : ", \($0.reached)/\($0.seeds) reruns reached it" } ?? ""
                cells.append("\(ratioText(ratio)) (\(quality)\(reached))")
            }
            lines += Report.row(cells)
        }
        return lines
    }

    /// What the score cannot see, with this suite's numbers: τ_max, the
    /// resolution of whole epochs, and epochs that favour small batches.
    static func caveats(_ scores: SuiteScores, suite: SuitePlan) -> String {
        var text = "Reading the score: it counts speed to the target only, never how good a contender gets in the end — read the quality ranks and the test metric in brackets beside it. "
            + "A contender slower than τ_max = \(formatNumber(PerformanceProfile.maximumRatio))× the fastest scores nothing on that problem, however close it comes."
        if scores.timeUnit == "epochs" {
            let coarse = scores.counted.compactMap { problem -> String? in
                let best = problem.contenders.map(\.time).filter(\.isFinite).min() ?? .infinity
                guard best.isFinite, best <= 3 else { return nil }
                let steps = best == 1 ? "r is a whole number" : "r moves in steps of about 1/\(formatEpochs(best))"
                return "\(Report.escape(problem.name)) (fastest \(formatEpochs(best)) epoch\(best == 1 ? "" : "s"): \(steps))"
            }
            text += " Times are whole epochs (a median over reruns may fall halfway), so where the fastest needs only a few, r moves in coarse steps"
            text += coarse.isEmpty ? "." : ": on \(coarse.joined(separator: ", "))."
            var batches: [String: [String]] = [:]
            for run in suite.problems.flatMap(\.tuning.runs) where batches[run.contender]?.contains("\(run.batch)") != true {
                batches[run.contender, default: []].append("\(run.batch)")
            }
            if Set(batches.values.flatMap { $0 }).count > 1 {
                let list = suite.contenders.compactMap { contender in batches[contender].map { "\(Report.escape(contender)) \($0.joined(separator: "/"))" } }
                text += " The contenders' batch sizes differ (\(list.joined(separator: ", "))): counted in epochs, smaller batches take more steps per epoch, which favours them; `time: seconds` weighs the cost instead, on this machine only."
            }
        }
        return text
    }

    static func rankSection(_ scores: SuiteScores) -> [String] {
        let comparisons = [scores.speedRanks, scores.qualityRanks].compactMap { $0 }
        guard !comparisons.isEmpty else {
            return ["## Ranks across problems", "", "Rank comparisons need at least two problems and two contenders.", ""]
        }
        var lines = ["## Ranks across problems", ""]
        for comparison in comparisons {
            let order = comparison.meanRanks.indices.sorted { comparison.meanRanks[$0] < comparison.meanRanks[$1] }
            let ranks = order.map { "\(Report.escape(comparison.contenders[$0])) \(formatSignificant(comparison.meanRanks[$0], digits: 3))" }
            var text = "**By \(comparison.measure)** over \(comparison.problems.count) problems: mean ranks \(ranks.joined(separator: ", ")). "
                + "Friedman χ² = \(formatSignificant(comparison.chiSquare, digits: 3)) (p = \(formatSignificant(comparison.chiSquareP, digits: 2))), "
                + "Iman–Davenport F = \(comparison.imanDavenport.isFinite ? formatSignificant(comparison.imanDavenport, digits: 3) : "∞") (p = \(formatSignificant(comparison.p, digits: 2))); "
                + "Nemenyi critical difference \(formatSignificant(comparison.criticalDifference, digits: 3)) at α = 0.05."
            if comparison.p >= RankComparison.significance {
                text += " The Friedman test (its F form) finds no difference among the mean ranks: their order is not evidence."
            }
            let bars = comparison.groups.filter { $0.count > 1 }
            if !bars.isEmpty {
                text += " Not told apart: " + bars.map { group in "{" + group.map { Report.escape(comparison.contenders[$0]) }.joined(separator: ", ") + "}" }
                    .joined(separator: "; ") + "."
            }
            let span = Double(comparison.contenders.count - 1)
            if comparison.criticalDifference >= span {
                text += " With \(comparison.problems.count) problems the critical difference exceeds the widest possible gap (\(formatSignificant(span, digits: 3))): no two contenders can be told apart; more problems would narrow it."
            }
            lines += [text, ""]
        }
        return lines + ["![critical-difference diagram](cd.png)", ""]
    }

    /// Demšar's critical-difference diagram, one panel per measure: the mean
    /// ranks on an axis (1, the best, on the left), each contender's name
    /// hanging from its rank, bars joining contenders not told apart, and the
    /// critical difference drawn to scale above.
    static func criticalDifferenceChart(_ scores: SuiteScores) -> ChartFiles? {
        let comparisons = [scores.speedRanks, scores.qualityRanks].compactMap { $0 }
        guard let widest = comparisons.map(\.contenders.count).max() else { return nil }
        let height = 120 + 26 * widest
        var script = Gnuplot.header(output: "cd.png", width: 1000, height: height * comparisons.count + 40, curves: 1)
        script += ["set multiplot layout \(comparisons.count),1 title \(Gnuplot.quoted("\(scores.suite): critical-difference diagrams (Nemenyi, α = 0.05)"))",
                   "unset key", "unset border", "unset xtics", "unset ytics", "unset grid"]
        for comparison in comparisons {
            let count = comparison.contenders.count
            let order = comparison.meanRanks.indices.sorted { comparison.meanRanks[$0] < comparison.meanRanks[$1] }
            let axis = 0.0, step = 1.0
            let bottom = -Double((count + 1) / 2 + 2) * step
            script += ["unset arrow", "unset label",
                       "set title \(Gnuplot.quoted("by \(comparison.measure) over \(comparison.problems.count) problems (Friedman, Iman–Davenport p = \(formatSignificant(comparison.p, digits: 2)))"))",
                       "set xrange [-1.2:\(count + 2)]", "set yrange [\(bottom):2.2]",
                       "set arrow from 1,\(axis) to \(count),\(axis) nohead lw 1.5 lc rgb '#333333'"]
            for rank in 1...count {
                script.append("set arrow from \(rank),\(axis) to \(rank),\(axis + 0.25) nohead lw 1 lc rgb '#333333'")
                script.append("set label '\(rank)' at \(rank),\(axis + 0.55) center")
            }
            // The critical difference to scale, from rank 1.
            let difference = comparison.criticalDifference
            script.append("set arrow from 1,1.5 to \(1 + difference),1.5 heads size 0.05,90 lw 2 lc rgb '#333333'")
            script.append("set label \(Gnuplot.quoted("CD = \(formatSignificant(difference, digits: 3))")) at \(1 + difference / 2),1.9 center")
            // Names hang from their ranks: the better half to the left, the rest to the right.
            for (position, index) in order.enumerated() {
                let rank = comparison.meanRanks[index]
                let left = position < (count + 1) / 2
                let level = -Double((left ? position : count - 1 - position) + 1) * step - 0.6
                let end = left ? 0.6 : Double(count) + 0.4
                let name = "\(comparison.contenders[index]) (\(formatSignificant(rank, digits: 3)))"
                script.append("set arrow from \(rank),\(axis) to \(rank),\(level) nohead lw 1 lc rgb '\(Gnuplot.color(position))'")
                script.append("set arrow from \(rank),\(level) to \(end),\(level) nohead lw 1 lc rgb '\(Gnuplot.color(position))'")
                script.append("set label \(Gnuplot.quoted(name)) at \(end + (left ? -0.05 : 0.05)),\(level) \(left ? "right" : "left")")
            }
            // Bars under the axis join the contenders not told apart.
            for (bar, group) in comparison.groups.filter({ $0.count > 1 }).enumerated() {
                let ranks = group.map { comparison.meanRanks[$0] }
                let level = axis - 0.3 - 0.22 * Double(bar)
                script.append("set arrow from \((ranks.min() ?? 1) - 0.03),\(level) to \((ranks.max() ?? 1) + 0.03),\(level) nohead lw 5 lc rgb '#222222'")
            }
            script.append("plot NaN notitle")
        }
        script.append("unset multiplot")
        return ChartFiles(name: "cd", dataFiles: [], script: script.joined(separator: "\n") + "\n")
    }
}
