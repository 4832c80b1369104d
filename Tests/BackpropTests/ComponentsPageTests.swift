import Foundation
import Testing
@testable import BackpropCommands

/// docs/components.md is what `backprop list --markdown` prints from the
/// registries: a component added, renamed or given a new setting without
/// `make docs` fails here, so the page never lags the code.
@Suite struct ComponentsPageTests {
    @Test func docsComponentsIsWhatListPrintsNow() throws {
        let page = try String(contentsOf: ReadmeTests.repository.appendingPathComponent("docs/components.md"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let generated = Commands(catalog: .builtIn).list(nil, markdown: true).output + [""]
        let line = { (lines: [String], index: Int) in lines.indices.contains(index) ? lines[index] : "(end of file)" }
        let difference = (0..<max(page.count, generated.count)).first { line(page, $0) != line(generated, $0) }
        #expect(difference == nil, """
            docs/components.md is not what `backprop list --markdown` prints now (run make docs); first difference at line \((difference ?? 0) + 1):
            page:      \(line(page, difference ?? 0))
            generated: \(line(generated, difference ?? 0))
            """)
    }

    @Test func markdownHasASectionPerKindAndATablePerComponent() throws {
        let lines = Commands(catalog: .builtIn).list(nil, markdown: true).output
        #expect(lines.first == "# Components")
        #expect(lines.filter { $0.hasPrefix("## ") } == ["## Contents"] + ComponentKind.allCases.map { "## \($0.title)" })
        #expect(lines.contains("- [Optimizers](#optimizers): `adagrad`, `adam`, `adamw`, `momentum`, `rmsprop`, `sgd`"))
        let adam = try #require(lines.firstIndex(of: "### `adam`"))
        #expect(lines[adam + 2] == "bias-corrected first and second moments (Kingma & Ba)")
        #expect(lines[adam + 4...adam + 6] == ["| setting | default | allowed |", "|---|---|---|", "| `lr` | `0.001` | > 0 |"])
        #expect(lines.contains("| `betas` | `[0.9, 0.999]` | in [0, 1) |"))
        // A preset shows as the default; a setting without a default is required.
        let momentum = try #require(lines.firstIndex(of: "### `momentum`"))
        #expect(lines[momentum + 6...momentum + 7] == ["| `lr` | required | > 0 |", "| `momentum` | `0.9` | >= 0 |"])
        let relu = try #require(lines.firstIndex(of: "### `relu`"))
        #expect(lines[relu + 4] == "No settings.")
        // One kind alone: its section, without the other kinds.
        let optimizers = Commands(catalog: .builtIn).list(.optimizers, markdown: true).output
        #expect(optimizers.filter { $0.hasPrefix("## ") } == ["## Contents", "## Optimizers"])
    }
}
