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

    /// "Measuring fairly" quotes the shipped wine report's verdict; it must
    /// stay the sentence `make plots` writes.
    @Test func readmeQuotesTheShippedWineVerdict() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let report = try String(contentsOf: Self.repository.appendingPathComponent("plots/wine-optimizers/report.md"), encoding: .utf8)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(lines.firstIndex(of: "## Verdict"))
        let sentence = String(lines[heading + 2])
        let quoted = readme.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { $0.dropFirst(2) }.joined(separator: " ")
        #expect(quoted == sentence)
    }
}
