import Foundation
import BackpropAnalysis

/// Writes an experiment's outputs into one folder (plots/NAME): metrics.csv,
/// summary.json, results.json, splits.csv (when the data was split), report.md and report.html, the charts' data
/// and scripts, and the PNGs rendered by gnuplot. Every file is written atomically.
package enum OutputWriter {
    package struct Outcome: Sendable {
        package var directory: String
        package var files: [String]
        /// Charts gnuplot could not draw, with its message.
        package var chartFailures: [String]
        package var gnuplotMissing: Bool
        /// Charts `plots:` asks for that these results cannot give, with the reason.
        package var chartsNotDrawn: [String]
    }

    /// What lives in an experiment's folder beside its output set and outlasts
    /// it: a sweep's finished trials and its shards' folders.
    package static let carriedOver = [TrialFolder.folderName, Shard.folderName]

    /// Writes `result` as `directory`'s new output set (see `OutputSet`); the
    /// caller holds the folder's lock. `carrying`: entries of the folder that
    /// outlast the set. `gnuplot` is the program that draws the PNGs; nil (not
    /// installed) still writes the data and scripts.
    package static func write(_ result: ExperimentResult, to directory: String, carrying: [String] = carriedOver,
                             gnuplot: String? = findExecutable("gnuplot")) throws -> Outcome {
        try makeDirectory(directory)
        return try write(result, into: OutputSet(replacing: directory), carrying: carrying, gnuplot: gnuplot)
    }

    /// Writes `result` into `set` (which may hold checkpoints written while
    /// training) and puts the set in place.
    package static func write(_ result: ExperimentResult, into set: OutputSet, carrying: [String] = carriedOver,
                             gnuplot: String? = findExecutable("gnuplot")) throws -> Outcome {
        let directory = set.staging
        let summary = Summary(result)
        let (charts, notDrawn) = try Charts.draw(result)
        var files: [String] = []
        func put(_ name: String, _ data: Data) throws {
            try AtomicFile.write(data, to: directory + "/" + name)
            files.append(name)
        }
        try put("metrics.csv", Data(MetricsCSV.render(result).utf8))
        try put("summary.json", try summary.json())
        try put(ResultsFile.name, try ResultsFile.encode(result))
        if let splits = result.splits { try put(SplitsCSV.name, Data(SplitsCSV.render(splits).utf8)) }
        for chart in charts {
            for file in chart.dataFiles { try put(file.name, Data(file.contents.utf8)) }
            try put(chart.scriptFile, Data(chart.script.utf8))
        }
        let report = Report.render(result, summary: summary, charts: charts, notDrawn: notDrawn)
        try put("report.md", Data(report.utf8))
        let rendering = render(scripts: charts.map(\.scriptFile), in: directory, gnuplot: gnuplot)
        // After the PNGs: the page inlines the ones it does not redraw.
        let page = ReportPage.render(title: "\(result.plan.name) — backprop report", markdown: report, charts: charts) { file in
            FileManager.default.contents(atPath: directory + "/" + file)
        }
        try put(ReportPage.name, Data(page.utf8))
        try set.commit(carrying: carrying)
        return Outcome(directory: set.folder, files: files + rendering.images, chartFailures: rendering.failures,
                       gnuplotMissing: rendering.gnuplotMissing, chartsNotDrawn: notDrawn)
    }

    /// Runs gnuplot on each script in `directory` (PNGs appear beside them).
    /// The longest gnuplot may take over one chart before it is stopped.
    package static let gnuplotTimeLimit: Duration = .seconds(120)
    /// At most this much of gnuplot's messages is kept (its first line is reported).
    static let gnuplotMessageLimit = 64 * 1024

    package static func render(scripts: [String], in directory: String, gnuplot: String? = findExecutable("gnuplot"),
                              timeLimit: Duration = gnuplotTimeLimit) -> (images: [String], failures: [String], gnuplotMissing: Bool) {
        guard let gnuplot else {
            return ([], [], true)
        }
        var images: [String] = []
        var failures: [String] = []
        for script in scripts {
            let image = script.replacingSuffix(".gp", with: ".png")
            guard let text = try? String(contentsOfFile: directory + "/" + script, encoding: .utf8) else {
                failures.append("\(script): cannot read")
                continue
            }
            // Draw to a temporary file made exclusively (no planted link is followed), then rename:
            // a half-drawn PNG is never visible.
            guard let (drawn, descriptor) = try? AtomicFile.createTemporary(for: directory + "/" + image, suffix: ".png") else {
                failures.append("\(script): cannot create a file in \(directory)")
                continue
            }
            close(descriptor)
            let temporary = drawn.split(separator: "/").last.map(String.init) ?? drawn
            let redirected = text.replacingOccurrences(of: "set output \(Gnuplot.quoted(image))", with: "set output \(Gnuplot.quoted(temporary))")
            switch runGnuplot(gnuplot, script: redirected, in: directory, timeLimit: timeLimit) {
            case .success where rename(drawn, directory + "/" + image) == 0:
                images.append(image)
            case .success:
                unlink(drawn)
                failures.append("\(script): cannot rename the drawn chart (\(String(cString: strerror(errno))))")
            case .failure(let message):
                unlink(drawn)
                failures.append("\(script): \(message)")
            }
        }
        return (images, failures, false)
    }

    enum GnuplotOutcome: Equatable { case success, failure(String) }

    /// Runs gnuplot on `script`, stopped after `timeLimit`; its messages are
    /// read on the side, at most `gnuplotMessageLimit` bytes, and the first
    /// line of them says why a chart failed.
    static func runGnuplot(_ gnuplot: String, script: String, in directory: String, timeLimit: Duration) -> GnuplotOutcome {
        switch Subprocess.run(gnuplot, input: script, in: directory, timeLimit: timeLimit, messageLimit: gnuplotMessageLimit) {
        case .cannotStart(let reason):
            return .failure("cannot run gnuplot: \(reason)")
        case .timedOut:
            return .failure("gnuplot did not finish within \(Int(timeLimit.inSeconds)) s and was stopped")
        case .finished(let status, let messages):
            if status == .exit(0) { return .success }
            let firstLine = messages.split(separator: "\n").first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            return .failure("gnuplot: " + (firstLine.map(String.init) ?? status.description))
        }
    }

    /// Refuses an output folder that is, or holds, a symbolic link: writes go
    /// only into folders and files the tool made, never where a planted link
    /// points (plots/NAME -> elsewhere, plots/NAME/checkpoints -> elsewhere).
    /// Checked before anything trains; `makeDirectory` checks again as it writes.
    package static func refuseLinks(inside folder: String) throws {
        var status = stat()
        guard lstat(folder, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFLNK { throw linkError(folder) }
        guard let entries = FileManager.default.enumerator(atPath: folder) else { return }
        for case let entry as String in entries {
            if lstat(folder + "/" + entry, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK {
                throw linkError(folder + "/" + entry)
            }
        }
    }

    static func linkError(_ path: String) -> OutputError { Folder.linkError(path) }

    /// Checks, without writing anything, that `directory` can be created or
    /// written: so a bad `--plots` fails before training, not after.
    package static func checkWritable(_ directory: String) throws {
        guard !directory.isEmpty, !directory.hasPrefix("/") || directory.count > 1 else {
            throw OutputError(path: directory, message: "not a usable output folder")
        }
        var path = directory
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw OutputError(path: path, message: "is a file, not a folder; choose another --plots folder")
                }
                guard FileManager.default.isWritableFile(atPath: path) else {
                    throw OutputError(path: path, message: "is not writable")
                }
                return
            }
            let parent = parentFolder(of: path)
            if parent.isEmpty || parent == path { return }
            path = parent
        }
    }

    /// Creates a folder and its parents (`Folder.make`): never through a link.
    package static func makeDirectory(_ directory: String) throws { try Folder.make(directory) }

    package static func findExecutable(_ name: String) -> String? { Subprocess.findExecutable(name) }
}
