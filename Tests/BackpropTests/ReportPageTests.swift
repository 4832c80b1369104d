import Foundation
import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

/// report.html and index.html: the report's Markdown as a page in which no
/// label can become markup, with the charts' numbers for the browser; the
/// browser itself is exercised by `make browser-test`.
@Suite struct ReportPageTests {
    @Test func markdownBecomesHTMLWithEveryLabelAsText() {
        let markdown = """
            # run <b>1</b>

            A **bold** word, *an* `x|y` span and [a link](other.md); [bad](javascript:alert(1)).

            | run | score |
            |---|---|
            | a \\| b &lt;script&gt; | 0.9 ± 0.1 |

            - item <img src=x onerror=alert(1)>

            > careful

            ```yaml
            name: <script>
            ```
            """
        let html = MarkdownHTML.render(markdown) { _, _ in nil }
        #expect(html.contains("<h1 id=\"run-b-1-b\">run &lt;b&gt;1&lt;/b&gt;</h1>"))
        #expect(html.contains("A <strong>bold</strong> word, <em>an</em> <code>x|y</code> span and <a href=\"other.md\">a link</a>"))
        #expect(html.contains("<thead><tr><th>run</th><th>score</th></tr></thead><tbody><tr><td>a | b &lt;script&gt;</td><td>0.9 ± 0.1</td></tr>"))
        #expect(html.contains("<li>item &lt;img src=x onerror=alert(1)&gt;</li>"))
        #expect(html.contains("<blockquote><p>careful</p></blockquote>"))
        #expect(html.contains("<pre><code class=\"language-yaml\">name: &lt;script&gt;</code></pre>"))
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("href=\"javascript"), "\(html)")
    }

    @Test func theChartsNumbersCannotCloseTheirScriptElement() throws {
        let chart = PageChart(id: "loss", title: "t", xLabel: "epoch", yLabel: "loss", logY: true, unitInterval: false, series: [
            .init(group: "</script><script>alert(1)</script>", heldOut: false, color: "#000", dash: "", seeds: 1, divergedSeeds: 0,
                  x: [1, 2, 3], t: nil, y: [1, .nan, 0.123456789], lo: [1, 1, 1], hi: [1, 1, 1], divergedAt: []),
        ])
        let json = ReportPage.dataJSON([chart])
        #expect(!json.contains("<"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let series = try #require(((decoded["charts"] as? [[String: Any]])?.first?["series"] as? [[String: Any]])?.first)
        #expect(series["group"] as? String == "</script><script>alert(1)</script>")
        // Epochs counted from 1 travel as their start; NaN as null; 5 significant digits; no band for one seed.
        #expect(series["x"] == nil && series["xStart"] as? Double == 1)
        #expect((series["y"] as? [Any])?.count == 3 && (series["y"] as? [Any])?[1] is NSNull)
        #expect((series["y"] as? [Any])?[2] as? Double == 0.12346)
        #expect(series["lo"] == nil && series["hi"] == nil)
    }

    /// A run writes report.html beside report.md, with a chart element and the
    /// numbers of every curve the loss chart draws; the output root gets an
    /// index that links it.
    @Test func aRunWritesItsPageAndTheIndexListsIt() throws {
        let root = try temporaryDirectory()
        let file = root + "/page.yaml"
        try """
            name: page-test
            seeds: [1, 2]
            dataset: {xor: {samples: 40}, split: {validation: 0.25}}
            model: [{dense: {units: 4}}, tanh, {dense: {units: 1}}]
            loss: bce_with_logits
            train: {epochs: 5, batch: 8}
            runs:
              - {label: "SGD <i>", optimizer: {sgd: {lr: 0.1}}}
              - {label: Adam, optimizer: {adam: {lr: 0.01}}}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try Commands(catalog: .builtIn).run(path: file, outputRoot: root + "/plots", progress: SilentProgress())
        let page = try String(contentsOfFile: root + "/plots/page-test/report.html", encoding: .utf8)
        #expect(page.contains("<figure class=\"chart\" id=\"chart-loss\""))
        #expect(page.contains("SGD &lt;i&gt;") && !page.contains("SGD <i>"))
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"backprop-data\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        let loss = try #require((data["charts"] as? [[String: Any]])?.first { $0["id"] as? String == "loss" })
        let groups = (loss["series"] as? [[String: Any]])?.map { "\($0["group"] ?? "") \($0["heldOut"] ?? "")" }
        #expect(groups == ["SGD <i> 0", "SGD <i> 1", "Adam 0", "Adam 1"])

        let index = try String(contentsOfFile: root + "/plots/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"page-test/report.html\">page-test</a>"))
        #expect(index.contains("1 result(s), newest first."))
    }
}
