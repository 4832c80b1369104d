import ArgumentParser
import Backprop
import Foundation

extension BackpropCommand {
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an experiment's sweep, resuming: finished trials are reused, only missing ones train.",
            discussion: """
                Each finished trial is a file in plots/NAME/trials/ (or the shard's folder), named by a digest of what \
                makes its numbers. Run the same command again after a kill or an edit: only trials without a file train. \
                Shards: run every K of --shard K/N (on any machines), then `backprop merge plots/NAME/shards/*`.
                """)

        @Argument(help: "The experiment file (YAML) with a sweep: section.")
        var file: String

        @Option(help: ArgumentHelp("Run only shard K of N, e.g. --shard 2/4 (into plots/NAME/shards/K-of-N), or 'auto': from Slurm array, Kubernetes Indexed Job or GNU parallel variables.", valueName: "K/N|auto"))
        var shard: String?

        @Option(help: "With --shard auto: the number of shards, for schedulers that give only the task's index (Kubernetes, GNU parallel); or set BACKPROP_SHARDS.")
        var shards: Int?

        @Flag(help: "Train every trial again, even finished ones.")
        var force = false

        @Flag(help: "Reuse finished trials (the default; accepted for scripts that say so).")
        var resume = false

        @OptionGroup var output: OutputOptions

        @OptionGroup var jobs: JobsOption

        func validate() throws {
            if force && resume { throw ValidationError("--force and --resume contradict each other; give one") }
            if let shards, shards < 1 { throw ValidationError("--shards must be at least 1, found \(shards)") }
            if shards != nil && shard != "auto" { throw ValidationError("--shards goes with --shard auto") }
        }

        func run() throws {
            let options = Commands.SweepOptions(shard: try shard.map(ShardRequest.init(parsing:)), shardCount: shards,
                                                environment: ProcessInfo.processInfo.environment, force: force)
            try emit(Commands.run(path: file, outputRoot: output.outputRoot, sweep: options, jobs: jobs.jobs, progress: ConsoleProgress()))
        }
    }
}
