import BackpropOutput

/// What the command line's subcommands do, one file each, so the executable
/// only parses arguments and prints what comes back. Components come from
/// `catalog`: the library's, and any plugin's added to it.
package struct Commands: Sendable {
    package let catalog: Catalog

    package init(catalog: Catalog) {
        self.catalog = catalog
    }
}

/// What a command produced, for the command line to print.
package struct CommandOutcome: Sendable, Equatable {
    /// Lines for standard output.
    package var output: [String]
    /// Lines for standard error: warnings, and why the status is not 0.
    package var messages: [String]
    /// 0, or 1 when a run failed (or diverged where the file forbids it).
    package var status: Int32

    package init(output: [String] = [], messages: [String] = [], status: Int32 = 0) {
        self.output = output
        self.messages = messages
        self.status = status
    }
}
