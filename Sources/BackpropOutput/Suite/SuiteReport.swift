import Foundation
import BackpropAnalysis

/// A suite's outputs in OUTPUT_ROOT/SUITE: report.md and report.html (the protocol, per
/// problem the chosen settings with performance and speed, the performance
/// profiles and scores, with their definitions), suite.json, scores.csv and
/// the performance-profile chart profile.png.
package enum SuiteReport {
    package static func write(_ scores: SuiteScores, suite: SuitePlan, to directory: String,
                             gnuplot: String? = OutputWriter.findExecutable("gnuplot")) throws -> OutputWriter.Outcome {
        try OutputWriter.makeDirectory(directory)
        let set = try OutputSet(replacing: directory)
        let charts = [profileChart(scores)] + (criticalDifferenceChart(scores).map { [$0] } ?? [])
        var files: [String] = []
        func put(_ name: String, _ text: String) throws {
            try AtomicFile.write(text, to: set.staging + "/" + name)
            files.append(name)
        }
        try put("suite.json", String(decoding: try json(scores), as: UTF8.self))
        try put("scores.csv", csv(scores))
        for chart in charts {
            for file in chart.dataFiles { try put(file.name, file.contents) }
            try put(chart.scriptFile, chart.script)
        }
        let report = render(scores, suite: suite)
        try put("report.md", report)
        let rendering = OutputWriter.render(scripts: charts.map(\.scriptFile), in: set.staging, gnuplot: gnuplot)
        try put(ReportPage.name, ReportPage.render(title: "\(suite.name) — backprop suite", markdown: report, charts: charts) { file in
            FileManager.default.contents(atPath: set.staging + "/" + file)
        })
        // The problems' folders (their trials, tuning and rerun sets) outlast the suite's own files,
        // also those of problems no longer in the file: their trials are not lightly thrown away.
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }
        try set.commit(carrying: folders)
        return OutputWriter.Outcome(directory: directory, files: files + rendering.images, chartFailures: rendering.failures,
                                    gnuplotMissing: rendering.gnuplotMissing, chartsNotDrawn: [])
    }

    package static func json(_ scores: SuiteScores) throws -> Data {
        try SnakeCaseJSON.encode(scores)
    }

    package static func decode(_ data: Data) throws -> SuiteScores {
        try SnakeCaseJSON.decode(SuiteScores.self, from: data)
    }

    /// One row per problem and contender.
    static func csv(_ scores: SuiteScores) -> String {
        var lines = ["problem,contender,chosen,test_metric,test_mean,test_std,epochs_to_target_median,time,ratio"]
        func cell(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        for problem in scores.problems {
            for contender in problem.contenders {
                let epochs = contender.medianEpochs
                lines.append([cell(problem.name), cell(contender.contender), cell(contender.chosen), cell(problem.testMetric),
                              contender.testMean.map { "\($0)" } ?? "", contender.testStandardDeviation.map { "\($0)" } ?? "",
                              "\(epochs)", "\(contender.time)", "\(contender.ratio)"].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ scores: SuiteScores, suite: SuitePlan) -> String {
        let escape = Report.escape
        let unit = scores.timeUnit == "epochs" ? "epochs" : "seconds (machine-dependent)"
        var lines = ["# Suite \(escape(suite.name))", ""]
        if !suite.description.isEmpty { lines += [escape(suite.description), ""] }
        lines += [
            "## Protocol", "",
            "- **Tuning** (DeepOBS): every contender gets the same search on every problem — \(escape(suite.tuningText)); "
                + "\(scores.budget) trial(s) per contender and problem, judged on the validation split only.",
            "- **Reruns**: each contender's chosen setting is trained again with seeds \(seedList(scores.rerunSeeds)) and judged on the test split.",
            "- **Performance**: the final test metric, mean ± std over the reruns. **Speed**: epochs to the problem's validation target "
                + "(median over the reruns; *never* when most reruns miss it), and the training seconds to it (machine-dependent). "
                + "**Tuneability**: the sensitivity chart of the tuning runs, linked per problem.",
            "- **Across problems** (AlgoPerf): time t in \(unit); a target counts as reached when more than half of the reruns reach it "
                + "(AlgoPerf: 3 of 5), t is then the median over all of them, a miss counting as the slowest; r = t / t_best per problem (1 for the fastest, ∞ for a contender that misses the target); "
                + "ρ(τ) = the share of problems with r ≤ τ; **score** = ∫₁⁴ ρ(τ) dτ / 3, from 0 (never within τ_max = 4× of the fastest) to 1 (the fastest everywhere). "
                + "A problem every contender solves within the first epoch is left out of the score: it cannot tell them apart.",
            "- **Ranks** (Demšar 2006): on every problem the contenders are ranked by time to target and, separately, by final test quality; "
                + "a Friedman test asks whether the mean ranks differ at all, and the Nemenyi critical difference (α = 0.05) says which pairs do (cd.png).",
            "",
            "## Scores", "",
        ]
        lines += scoreTable(scores)
        lines += ["", caveats(scores, suite: suite), ""]
        let excluded = scores.problems.filter { $0.excluded != nil }.map(\.name)
        if !excluded.isEmpty {
            lines += ["**Left out of the score and the speed ranks:** \(excluded.map(escape).joined(separator: ", ")) — every contender reaches the target within the first epoch.", ""]
        }
        lines += ["![performance profiles](profile.png)", ""]
        lines += rankSection(scores)
        for problem in scores.problems {
            lines += ["## Problem \(escape(problem.name))", "",
                      "Target: \(escape(problem.target)). Tuning chose by \(problem.tuningMetric); performance is the \(problem.testMetric) "
                        + "(\(problem.higherIsBetter ? "higher" : "lower") is better)."
                        + (problem.excluded.map { " **Left out of the score:** \($0)." } ?? "")
                        + (problem.startsAtTarget > 0 ? " **Note:** the starting weights of \(problem.startsAtTarget) rerun(s) already meet the target "
                           + "(counted as reaching it after epoch 1): a harder target would tell the contenders apart better." : ""), "",
                      "| contender | chosen setting | \(problem.tuningMetric) in tuning | \(problem.testMetric) | epochs to target | seconds to target | r |",
                      Report.separator(7)]
            for contender in problem.contenders {
                let reached = contender.epochsToTarget.compactMap { $0 }.count
                let (epochs, seconds) = (contender.medianEpochs, contender.medianSeconds)
                let test = contender.testMean.map { mean in
                    formatMeanAndSpread(mean, contender.testStandardDeviation ?? 0)
                } ?? "diverged"
                lines += Report.row([
                    escape(contender.contender), escape(contender.chosen),
                    contender.tuningScore.map { formatSignificant($0, digits: 3) } ?? "diverged",
                    test + (contender.diverged > 0 ? " (\(contender.diverged) of \(contender.seeds) diverged)" : ""),
                    (epochs.isFinite ? formatEpochs(epochs) : "never") + " (\(reached) of \(contender.seeds) seeds reach it)",
                    seconds.isFinite ? formatSignificant(seconds, digits: 2) : "never",
                    ratioText(contender.ratio),
                ])
            }
            lines += ["", "Tuneability: [\(escape(problem.name))/tuning/sensitivity.png](\(problem.name)/tuning/sensitivity.png); "
                        + "tuning report [\(problem.name)/tuning/report.md](\(problem.name)/tuning/report.md), "
                        + "reruns [\(problem.name)/rerun/report.md](\(problem.name)/rerun/report.md).", ""]
        }
        lines += ["## How to read a performance profile", "",
                  "Each line is one contender. At τ = 1 it shows the share of problems on which it was the fastest to the target; "
                    + "at τ = 2, the share on which it needed at most twice the fastest time; and so on up to τ = 4. "
                    + "A line that is high early is fast; one that ends low missed targets. The score is the area under the line, scaled to [0, 1].", "",
                  "## Suite file", ""] + Report.codeBlock(suite.source, language: "yaml") + [""]
        return lines.joined(separator: "\n")
    }

    static func ratioText(_ ratio: Double) -> String {
        ratio.isFinite ? formatSignificant(ratio, digits: 3) : "∞"
    }

    static func seedList(_ seeds: [UInt64]) -> String {
        if seeds.count > 3, seeds == Array(seeds[0]...seeds[seeds.count - 1]) { return "\(seeds[0])–\(seeds[seeds.count - 1])" }
        return seeds.map(String.init).joined(separator: ", ")
    }

    /// ρ(τ) over [1, 4] as a step line per contender.
    static func profileChart(_ scores: SuiteScores) -> ChartFiles {
        var script = Gnuplot.header(output: "profile.png", width: 1000, height: 560, curves: scores.overall.count)
        script += ["set title \(Gnuplot.quoted("\(scores.suite): performance profiles (time in \(scores.timeUnit))"))",
                   "set xlabel 'τ: within this factor of the fastest time to target'",
                   "set ylabel 'ρ(τ): share of problems'",
                   "set xrange [1:\(PerformanceProfile.maximumRatio)]", "set yrange [-0.02:1.02]"]
        var blocks: [[String]] = []
        var parts: [String] = []
        for (index, overall) in scores.overall.enumerated() {
            blocks.append(["# \(overall.contender.replacingNewlines): tau, share of problems"]
                          + PerformanceProfile.steps(overall.ratios).map { "\($0.tau) \($0.share)" })
            parts.append("'profile.dat' index \(index) using 1:2 with steps lt \(index + 1) lw 2 title "
                         + Gnuplot.quoted("\(overall.contender) (score \(formatSignificant(overall.score, digits: 3)))"))
        }
        script.append("plot " + parts.joined(separator: ", \\\n     "))
        return ChartFiles(name: "profile", dataFiles: [("profile.dat", Gnuplot.blocks(blocks))], script: script.joined(separator: "\n") + "\n")
    }
}
