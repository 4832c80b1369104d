import ArgumentParser
import BackpropCommands
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

        @OptionGroup var sharding: ShardOptions

        @Flag(help: "Train every trial again, even finished ones.")
        var force = false

        @Flag(help: "Reuse finished trials (the default; accepted for scripts that say so).")
        var resume = false

        @OptionGroup var output: OutputOptions

        @OptionGroup var jobs: JobsOption

        func validate() throws {
            if force && resume { throw ValidationError("--force and --resume contradict each other; give one") }
        }

        func run() throws {
            try emit(commands.run(path: file, outputRoot: output.outputRoot, sweep: try sharding.sweepOptions(force: force), jobs: jobs.jobs, progress: ConsoleProgress(),
                                  interruption: stopOnSignals()))
        }
    }
}
