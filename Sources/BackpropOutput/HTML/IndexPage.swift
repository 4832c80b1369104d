import Foundation

/// OUTPUT_ROOT/index.html: every experiment, sweep and suite under an output
/// root, newest first, with its date, verdict, best held-out score, wall time
/// and BLAS kernel, each linked to its page. Written after every command that
/// writes results, and by `backprop index`; read from what the folders hold,
/// so it is never out of step with them.
package enum IndexPage {
    package static let name = "index.html"

    struct Row {
        var name: String
        var kind: String
        var link: String
        var date: Date
        var verdict: String
        var best: String
        var wallSeconds: Double?
        var blas: String
    }

    /// Writes the index of `root`, and returns how many results it lists.
    @discardableResult
    package static func write(root: String) throws -> Int {
        let rows = self.rows(root: root)
        try AtomicFile.write(Data(render(rows).utf8), to: root + "/" + name)
        return rows.count
    }

    /// The result folders of `root` (`NAME/` with a summary.json, and `suites/NAME/`), newest first.
    static func rows(root: String) -> [Row] {
        let manager = FileManager.default
        var rows: [Row] = []
        for name in ((try? manager.contentsOfDirectory(atPath: root)) ?? []) where !name.hasPrefix(".") {
            let folder = root + "/" + name
            guard let data = manager.contents(atPath: folder + "/summary.json"), let summary = try? Summary.decode(data) else { continue }
            rows.append(experimentRow(name: name, folder: folder, summary: summary))
        }
        let suites = root + "/suites"
        for name in ((try? manager.contentsOfDirectory(atPath: suites)) ?? []) where !name.hasPrefix(".") {
            let folder = suites + "/" + name
            guard manager.fileExists(atPath: folder + "/report.md") else { continue }
            rows.append(Row(name: name, kind: "suite", link: "suites/\(name)/" + page(in: folder), date: modified(folder + "/report.md"),
                            verdict: "see its score table", best: "—", wallSeconds: nil, blas: "—"))
        }
        return rows.sorted { ($0.date, $1.name) > ($1.date, $0.name) }
    }

    static func experimentRow(name: String, folder: String, summary: Summary) -> Row {
        let report = (try? String(contentsOfFile: folder + "/report.md", encoding: .utf8)) ?? ""
        var verdict = "—", best = "—"
        if let judged = summary.verdict {
            let leaders = judged.ranking.filter { $0.standing == .leader || $0.standing == .leadingGroup }
            switch judged.outcome {
            case .clearWinner: verdict = "clear winner: " + (judged.winner ?? leaders.first?.label ?? "?")
            case .noClearWinner: verdict = "no clear winner among \(leaders.count) runs"
            case .noRunFinished: verdict = "no run finished every seed"
            case .allDiverged: verdict = "every run diverged"
            case .cannotChoose: verdict = "cannot choose (no validation split)"
            }
            if let leader = judged.ranking.first(where: { $0.standing == .leader }), let score = leader.score {
                best = "\(judged.part.rawValue) \(judged.metric.label) \(formatSignificant(score.mean, digits: 3)) (\(leader.label))"
            }
        }
        // results.json names the kernel; only that field is wanted, not the whole result.
        let blas = (FileManager.default.contents(atPath: folder + "/" + ResultsFile.name))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["blas"] as? String
        // The kernel's name; the CPU flags beside it are the same on every row of one machine.
        let kernel = blas.map { String($0.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces) }
        return Row(name: name, kind: report.contains("\n## Sweep") ? "sweep" : "experiment", link: "\(name)/" + page(in: folder),
                   date: modified(folder + "/summary.json"), verdict: verdict, best: best, wallSeconds: summary.wallSeconds, blas: kernel ?? "—")
    }

    /// report.html where there is one (results written before it existed have report.md only).
    static func page(in folder: String) -> String {
        FileManager.default.fileExists(atPath: folder + "/" + ReportPage.name) ? ReportPage.name : "report.md"
    }

    static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    static func render(_ rows: [Row]) -> String {
        let dates = ISO8601DateFormatter()
        dates.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        var table = "| result | kind | date (UTC) | verdict | leader's score (the split the verdict used) | wall time (s) | BLAS kernel |\n|---|---|---|---|---|---|---|\n"
        for row in rows {
            let cells = ["[\(Report.escape(row.name))](\(row.link))", row.kind, dates.string(from: row.date), Report.escape(row.verdict),
                         Report.escape(row.best), row.wallSeconds.map { formatSignificant($0, digits: 3) } ?? "—", Report.escape(row.blas)]
            table += "| " + cells.joined(separator: " | ") + " |\n"
        }
        let markdown = "# backprop results\n\n"
            + (rows.isEmpty ? "No results here yet: `backprop run FILE` writes them.\n" : "\(rows.count) result(s), newest first.\n\n" + table)
        return ReportPage.render(title: "backprop results", markdown: markdown, charts: []) { _ in nil }
    }
}
