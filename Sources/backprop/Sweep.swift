import ArgumentParser
import Backprop

extension BackpropCommand {
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an experiment's sweep grid, optionally one shard of it (merge shards with `backprop merge`).")

        @Argument(help: "The experiment file (YAML) with a sweep: section.")
        var file: String

        @Option(help: "Run only shard K of N (runs K, K+N, ...), e.g. --shard 2/4; written to plots/NAME/shards/K-of-N.")
        var shard: ShardOption?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let (outcome, result) = try ExperimentCommands.run(
                path: file, outputRoot: output.outputRoot, shard: shard.map { ($0.index, $0.count) }, requireSweep: true,
                progress: ConsoleProgress())
            try report(outcome, result: result)
        }
    }

    struct ShardOption: ExpressibleByArgument {
        var index: Int
        var count: Int

        init?(argument: String) {
            let parts = argument.split(separator: "/")
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 1, index <= count else {
                return nil
            }
            self.index = index
            self.count = count
        }

        static var defaultCompletionKind: CompletionKind { .default }
    }
}
