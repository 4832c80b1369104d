import Foundation
import Testing

/// README.md and the pages in docs/ cannot rot: every relative link and image
/// points at a file (and heading) that exists, docs/extending.md's excerpts
/// of the plugin example are its code as it is (so the example a user reads
/// is the one `make test` builds, tests and runs), and docs/measuring-fairly.md
/// quotes the shipped verdicts as `make plots` writes them.
@Suite struct ReadmeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// README.md, ARCHITECTURE.md and every page in docs/.
    static let pages: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("docs").path)) ?? []
        return ["README.md", "ARCHITECTURE.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    /// A link's path from the repository's root: `../plots/x.png` from `docs` is `plots/x.png`.
    static func path(_ link: String, from folder: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in link.split(separator: "/").map(String.init) where part != "." {
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theDocsAreThere() {
        #expect(Self.pages.count > 10 && Self.pages.contains("docs/extending.md") && Self.pages.contains("docs/components.md"))
    }

    @Test(arguments: pages)
    func linksPointAtFilesAndHeadingsThatExist(page: String) throws {
        let text = try Self.read(page)
        let folder = (page as NSString).deletingLastPathComponent
        for link in MarkdownPage(text).links where !link.contains(":") {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0].isEmpty ? page : Self.path(parts[0], from: folder)
            let url = Self.repository.appendingPathComponent(path)
            #expect(FileManager.default.fileExists(atPath: url.path), "\(page) links to \(link): no such file")
            if parts.count == 2, path.hasSuffix(".md"), let target = try? Self.read(path) {
                #expect(MarkdownPage(target).anchors.contains(parts[1]), "\(page) links to \(link): no such heading in \(path)")
            }
        }
    }

    /// Each ```swift block of docs/extending.md is a verbatim part of the file
    /// the last link before it names, and the walk-through links every file of
    /// the example that it explains.
    @Test func extendingShowsThePluginCodeAsItIs() throws {
        let page = MarkdownPage(try Self.read("docs/extending.md"))
        #expect(page.swiftExcerpts.count >= 6)
        for excerpt in page.swiftExcerpts {
            let file = try #require(excerpt.file, "a swift excerpt in docs/extending.md names no file before it:\n\(excerpt.code)")
            let path = Self.path(file, from: "docs")
            let code = try Self.read(path)
            #expect(code.contains(excerpt.code), "docs/extending.md shows an excerpt that is not in \(path) as it is:\n\(excerpt.code)")
        }
        for file in ["Sources/ExamplePlugin/Lion.swift", "Sources/ExamplePlugin/Swish.swift", "Sources/ExamplePlugin/TwoCloudsDataset.swift",
                     "Sources/ExamplePlugin/Registration.swift", "Sources/backprop-plugin/main.swift", "Package.swift"] {
            #expect(page.links.contains("../examples/plugin/" + file), "docs/extending.md does not link to examples/plugin/\(file)")
        }
    }

    /// "Measuring fairly" quotes the verdicts of the shipped xor and wine
    /// reports; each quote must stay the sentence `make plots` writes.
    @Test(arguments: ["xor-optimizers", "wine-optimizers"])
    func measuringFairlyQuotesTheShippedVerdict(experiment: String) throws {
        let page = try Self.read("docs/measuring-fairly.md")
        let report = try Self.read("plots/\(experiment)/report.md")
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(lines.firstIndex(of: "## Verdict"))
        let sentence = String(lines[heading + 2])
        let quotes = page.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        #expect(quotes.contains(sentence), "docs/measuring-fairly.md does not quote the verdict of plots/\(experiment)/report.md")
    }

    @Test func headingsBecomeGitHubAnchors() {
        let page = MarkdownPage("# Measuring fairly\n## What a *behind* label does not promise\n## `sgd` — batch, momentum\n"
                                + "## The winner's diagnostics\n```\n# not a heading\n```\n## results.json\n## Outputs\n## Outputs\n")
        #expect(page.anchors == ["measuring-fairly", "what-a-behind-label-does-not-promise", "sgd--batch-momentum",
                                 "the-winners-diagnostics", "resultsjson", "outputs", "outputs-1"])
    }
}

/// The parts of a Markdown page the checks read, outside fenced code blocks.
struct MarkdownPage {
    /// Link and image targets, in order.
    var links: [String] = []
    /// The anchors GitHub gives the headings, in order.
    var anchors: [String] = []
    /// ```swift blocks, each with the last link to a file (not a page, image or folder) before it.
    var swiftExcerpts: [(file: String?, code: String)] = []

    init(_ text: String) {
        var fence: (language: String, lines: [String])?
        var lastFile: String?
        var seen: [String: Int] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = fence {
                    if block.language == "swift" { swiftExcerpts.append((lastFile, block.lines.map { $0 + "\n" }.joined())) }
                    fence = nil
                } else {
                    fence = (String(line.dropFirst(3)), [])
                }
                continue
            }
            if fence != nil {
                fence?.lines.append(line)
                continue
            }
            if line.hasPrefix("#") {
                let anchor = Self.anchor(line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces))
                anchors.append(seen[anchor].map { "\(anchor)-\($0)" } ?? anchor)
                seen[anchor, default: 0] += 1
            }
            for target in Self.targets(line) {
                links.append(target)
                let path = target.split(separator: "#", omittingEmptySubsequences: false)[0]
                if !path.isEmpty, !target.contains(":"), !path.hasSuffix("/"), ![".md", ".png"].contains(where: path.hasSuffix) { lastFile = String(path) }
            }
        }
    }

    /// The targets of `[text](target)` and `![alt](target)` on one line.
    static func targets(_ line: String) -> [String] {
        var targets: [String] = []
        var rest = Substring(line)
        while let start = rest.range(of: "](") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ")") else { break }
            targets.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return targets
    }

    /// GitHub's anchor of a heading: lowercase, only letters, digits, `-` and `_` kept, spaces made `-`.
    static func anchor(_ heading: String) -> String {
        String(String.UnicodeScalarView(heading.lowercased().unicodeScalars.compactMap { scalar in
            if scalar == " " { return "-" }
            let kept = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "-"
            return kept ? scalar : nil
        }))
    }
}
