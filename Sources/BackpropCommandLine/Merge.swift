import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine sweep shards into one report in plots/NAME: the union of their trial files.",
            discussion: "Exits 1, listing them, when trials of the sweep are in none of the folders (unless --partial).")

        @Argument(help: "Shard folders, e.g. plots/NAME/shards/*.")
        var directories: [String]

        @Flag(help: "Write the report from the trials there are, when some are missing.")
        var partial = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if directories.isEmpty { throw ValidationError("give at least one shard folder") }
        }

        func run() throws {
            try emit(commands.merge(directories: directories, outputRoot: output.outputRoot, partial: partial))
        }
    }
}
