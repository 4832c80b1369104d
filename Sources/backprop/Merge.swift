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
            try report(try ExperimentCommands.merge(directories: directories, outputRoot: output.outputRoot), result: nil)
        }
    }

    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Redraw an experiment's report and charts from its saved results (plots/NAME).")

        @Argument(help: "An output folder, e.g. plots/xor-optimizers.")
        var directory: String

        func run() throws {
            try report(try ExperimentCommands.plot(directory: directory), result: nil)
        }
    }
}
