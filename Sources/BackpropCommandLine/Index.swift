import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write OUTPUT_ROOT/index.html: every experiment, sweep and suite there, with its verdict, linked to its report.html.")

        @OptionGroup var output: OutputOptions

        func run() throws {
            try emit(commands.index(outputRoot: output.outputRoot))
        }
    }
}
