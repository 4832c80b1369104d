import ArgumentParser
import Backprop

extension BackpropCommand {
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an experiment's sweep grid, optionally one shard of it (merge shards with `backprop merge`).")

        @Argument(help: "The experiment file (YAML) with a sweep: section.")
        var file: String

        @Option(help: "Run only shard K of N (runs K, K+N, ...), e.g. --shard 2/4; written to plots/NAME/shards/K-of-N.")
        var shard: Shard?

        @OptionGroup var output: OutputOptions

        func run() throws {
            try emit(Commands.run(path: file, outputRoot: output.outputRoot, shard: shard, requireSweep: true, progress: ConsoleProgress()))
        }
    }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
