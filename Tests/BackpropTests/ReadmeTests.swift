import Foundation
import Testing

/// README's "Extending" section shows the plugin example's code as it is, so
/// the example a user copies is the one `make test` builds, tests and runs.
@Suite struct ReadmeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")

    @Test(arguments: ["Sources/ExamplePlugin/Lion.swift", "Sources/ExamplePlugin/Swish.swift", "Sources/ExamplePlugin/TwoCloudsDataset.swift",
                      "Sources/ExamplePlugin/Registration.swift", "Sources/backprop-plugin/main.swift", "Package.swift"])
    func readmeShowsThePluginCode(file: String) throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let code = try String(contentsOf: Self.repository.appendingPathComponent("examples/plugin/" + file), encoding: .utf8)
        let shown = readme.contains("```swift\n" + code + "```")
        #expect(shown, "README.md does not show examples/plugin/\(file) as it is")
    }

    /// "Measuring fairly" quotes the verdicts of the shipped xor and wine
    /// reports; each quote must stay the sentence `make plots` writes.
    @Test(arguments: ["xor-optimizers", "wine-optimizers"])
    func readmeQuotesTheShippedVerdict(experiment: String) throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let report = try String(contentsOf: Self.repository.appendingPathComponent("plots/\(experiment)/report.md"), encoding: .utf8)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(lines.firstIndex(of: "## Verdict"))
        let sentence = String(lines[heading + 2])
        let quotes = readme.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        #expect(quotes.contains(sentence), "README.md does not quote the verdict of plots/\(experiment)/report.md")
    }
}
