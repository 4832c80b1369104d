import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the components experiment files can name, with their settings and defaults.")

        @Argument(help: "The kind to list (all when left out).")
        var kind: ComponentKind?

        @Flag(help: "Print Markdown: a section per kind, a table of settings per component (as docs/components.md).")
        var markdown = false

        func run() throws {
            try emit(commands.list(kind, markdown: markdown))
        }
    }
}

extension ComponentKind: ExpressibleByArgument {
    /// The kind's name, or its singular (`optimizer`, `loss`).
    public init?(argument: String) {
        guard let kind = Self(rawValue: argument) ?? Self(rawValue: argument + "s") ?? Self(rawValue: argument + "es") else { return nil }
        self = kind
    }
}
