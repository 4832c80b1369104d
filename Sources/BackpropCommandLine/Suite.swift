import ArgumentParser
import BackpropCommands
import Foundation

extension BackpropCommand {
    struct Suite: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an optimizer benchmark suite: tune every contender on every problem, rerun, score.",
            discussion: """
                The protocol of DeepOBS and AlgoPerf: each contender's setting is tuned with the same budget on the \
                validation split, rerun with several seeds and judged on the test split; performance profiles over the \
                times to each problem's target give every contender one score. Output in plots/suites/NAME/. Every \
                trial is a file: run again after a kill and only missing trials train. Shards: run every K of \
                --shard K/N twice (tuning, then reruns), gather the folders into one plots/ tree, then run without --shard.
                """)

        @Argument(help: "The suite file (YAML), e.g. experiments/suites/small.yaml.")
        var file: String

        @OptionGroup var sharding: ShardOptions

        @Flag(help: "Train every trial again, even finished ones.")
        var force = false

        @OptionGroup var output: OutputOptions

        @OptionGroup var jobs: JobsOption

        func run() throws {
            try emit(commands.suite(path: file, outputRoot: output.outputRoot, sweep: try sharding.sweepOptions(force: force), jobs: jobs.jobs, progress: ConsoleProgress(),
                                  interruption: stopOnSignals()))
        }
    }
}
