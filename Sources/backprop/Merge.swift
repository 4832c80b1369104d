import ArgumentParser
import Backprop

extension BackpropCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine sweep shards (folders with results.json) into one report in plots/NAME.")

        @Argument(help: "Shard folders, e.g. plots/NAME/shards/*.")
        var directories: [String]

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if directories.isEmpty { throw ValidationError("give at least one shard folder") }
        }

        func run() throws {
            try emit(Commands.merge(directories: directories, outputRoot: output.outputRoot))
        }
    }
}
