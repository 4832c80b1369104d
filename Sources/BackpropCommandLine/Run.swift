import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train every run x seed of an experiment and write plots/NAME/ (report.md, charts, metrics).")

        @Argument(help: "The experiment file (YAML).")
        var file: String

        @OptionGroup var output: OutputOptions

        @OptionGroup var jobs: JobsOption

        func run() throws {
            try emit(commands.run(path: file, outputRoot: output.outputRoot, jobs: jobs.jobs, progress: ConsoleProgress(),
                                  interruption: stopOnSignals()))
        }
    }
}
