import Foundation

/// Writes an experiment's outputs into one folder (plots/NAME): metrics.csv,
/// summary.json, results.json, splits.csv (when the data was split), report.md, the charts' data and scripts, and
/// the PNGs rendered by gnuplot. Every file is written atomically.
public enum OutputWriter {
    public struct Outcome: Sendable {
        public var directory: String
        public var files: [String]
        /// Charts gnuplot could not draw, with its message.
        public var chartFailures: [String]
        public var gnuplotMissing: Bool
        /// Charts `plots:` asks for that these results cannot give, with the reason.
        public var chartsNotDrawn: [String]
    }

    /// `gnuplot` is the program that draws the PNGs; nil (not installed) still
    /// writes the data and scripts.
    public static func write(_ result: ExperimentResult, to directory: String,
                             gnuplot: String? = findExecutable("gnuplot")) throws -> Outcome {
        try makeDirectory(directory)
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
        try put("report.md", Data(Report.render(result, summary: summary, charts: charts, notDrawn: notDrawn).utf8))
        let rendering = render(scripts: charts.map(\.scriptFile), in: directory, gnuplot: gnuplot)
        return Outcome(directory: directory, files: files + rendering.images, chartFailures: rendering.failures,
                       gnuplotMissing: rendering.gnuplotMissing, chartsNotDrawn: notDrawn)
    }

    /// Runs gnuplot on each script in `directory` (PNGs appear beside them).
    public static func render(scripts: [String], in directory: String,
                              gnuplot: String? = findExecutable("gnuplot")) -> (images: [String], failures: [String], gnuplotMissing: Bool) {
        guard let gnuplot else {
            return ([], [], true)
        }
        var images: [String] = []
        var failures: [String] = []
        for script in scripts {
            let image = script.replacingSuffix(".gp", with: ".png")
            let temporary = ".\(image).tmp-\(ProcessInfo.processInfo.processIdentifier).png"
            // Draw to a temporary name, then rename: a half-drawn PNG is never visible.
            guard let text = try? String(contentsOfFile: directory + "/" + script, encoding: .utf8) else {
                failures.append("\(script): cannot read")
                continue
            }
            let redirected = text.replacingOccurrences(of: "set output \(Gnuplot.quoted(image))", with: "set output \(Gnuplot.quoted(temporary))")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gnuplot)
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            let input = Pipe(), errors = Pipe()
            process.standardInput = input
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do {
                try process.run()
                // gnuplot may stop reading early (a drawing error): its message says why, not the pipe's.
                try? input.fileHandleForWriting.write(contentsOf: Data(redirected.utf8))
                try? input.fileHandleForWriting.close()
                let message = String(data: errors.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
                process.waitUntilExit()
                let drawn = directory + "/" + temporary
                if process.terminationStatus == 0, FileManager.default.fileExists(atPath: drawn),
                   rename(drawn, directory + "/" + image) == 0 {
                    images.append(image)
                } else {
                    try? FileManager.default.removeItem(atPath: drawn)
                    let firstLine = message.split(separator: "\n").first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? "exit \(process.terminationStatus)"
                    failures.append("\(script): gnuplot: \(firstLine)")
                }
            } catch {
                failures.append("\(script): cannot run gnuplot: \(error.localizedDescription)")
            }
        }
        return (images, failures, false)
    }

    /// Checks, without writing anything, that `directory` can be created or
    /// written: so a bad `--plots` fails before training, not after.
    public static func checkWritable(_ directory: String) throws {
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

    /// Creates a folder (and its parents), with a one-line error.
    public static func makeDirectory(_ directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: directory, message: "cannot create the folder")
        }
    }

    public static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
