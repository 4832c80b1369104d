import Foundation

/// report.html: report.md as one page that needs nothing else, with the
/// line charts drawn by the browser from their numbers (hover, hide a run,
/// zoom, log or linear, epochs or seconds, seed bands) and every other chart
/// inlined as its PNG. No server, no network: it opens from a CI artifact.
package enum ReportPage {
    package static let name = "report.html"

    /// The page of `markdown` (a report.md) titled `title`; `charts` are the
    /// charts drawn, and `image(file)` reads an image of the folder for inlining.
    package static func render(title: String, markdown: String, charts: [ChartFiles], image: (String) -> Data?) -> String {
        let pages = charts.compactMap(\.page)
        let body = MarkdownHTML.render(markdown) { alt, source in
            if let chart = pages.first(where: { "\($0.id).png" == source }) {
                return "<figure class=\"chart\" id=\"chart-\(MarkdownHTML.escapeAttribute(chart.id))\" aria-label=\"\(MarkdownHTML.escapeAttribute(alt))\"></figure>"
            }
            guard isPlainFileName(source), let data = image(source) else { return nil }
            return "<figure><img alt=\"\(MarkdownHTML.escapeAttribute(alt))\" src=\"data:image/png;base64,\(data.base64EncodedString())\"></figure>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="backprop">
            <title>\(MarkdownHTML.escapeText(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main class="report">
            \(body)
            </main>
            <script type="application/json" id="backprop-data">\(dataJSON(pages))</script>
            <script>\(ReportScript.source)</script>
            </body>
            </html>

            """
    }

    /// The charts' numbers as JSON that cannot end the script element it sits
    /// in: every '<' is written as \u003c (a label may hold "</script>").
    static func dataJSON(_ charts: [PageChart]) -> String {
        struct Page: Encodable { var charts: [PageChart] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Page(charts: charts)), let text = String(data: data, encoding: .utf8) else { return "{\"charts\":[]}" }
        return text.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// An image the report names beside it (`loss.png`), never a path elsewhere.
    static func isPlainFileName(_ name: String) -> Bool {
        name.hasSuffix(".png") && !name.contains("/") && !name.hasPrefix(".")
    }

    static let style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;margin:0;background:#fafafa}
        main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}
        h1{font-size:1.7em;margin-top:0}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:1.8em}
        code{background:#f2f2f2;padding:1px 4px;border-radius:3px;font-size:.92em}
        pre{background:#f6f6f6;padding:12px;overflow:auto;border-radius:4px}pre code{background:none;padding:0}
        blockquote{border-left:4px solid #c9a227;margin:1em 0;padding:2px 12px;background:#fffbea}
        .table{overflow-x:auto}table{border-collapse:collapse;font-size:.9em;margin:.6em 0}
        th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
        th.sortable{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
        tbody tr:nth-child(even){background:#fafafa}
        figure{margin:1.2em 0}figure img{max-width:100%}
        figure.chart{position:relative;border:1px solid #e3e3e3;border-radius:6px;padding:8px}
        svg.chart{width:100%;height:auto;display:block;cursor:crosshair}
        svg .frame{fill:none;stroke:#999}svg .grid{stroke:#eee}svg .tick{font-size:11px;fill:#555}
        svg .label{font-size:12px;fill:#333}svg .title{font-size:14px;font-weight:600;fill:#222}
        svg .diverged{font-size:13px;font-weight:700}svg .selection{fill:rgba(60,120,220,.12);stroke:#3c78dc}
        svg .crosshair{fill:#fff;stroke-width:2}
        .controls{display:flex;gap:6px;flex-wrap:wrap;margin-bottom:4px}
        .controls button,.legend-entry{font:inherit;font-size:12px;border:1px solid #ccc;background:#fff;border-radius:4px;padding:2px 8px;cursor:pointer}
        .controls button[aria-pressed=true]{background:#e7effd;border-color:#7aa2e6}
        .legend{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px;align-items:center}
        .legend-entry.off{opacity:.35;text-decoration:line-through}.legend-note{font-size:12px;color:#666;margin-left:6px}
        .tooltip{position:absolute;top:44px;right:16px;background:rgba(255,255,255,.95);border:1px solid #bbb;border-radius:4px}
        .tooltip{padding:3px 8px;font-size:12px;pointer-events:none;max-width:60%}
        """
}
