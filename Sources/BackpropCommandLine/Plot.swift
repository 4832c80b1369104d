import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Redraw an experiment's report and charts from its saved results (plots/NAME).")

        @Argument(help: "An output folder, e.g. plots/xor-optimizers.")
        var directory: String

        func run() throws {
            try emit(commands.plot(directory: directory))
        }
    }
}
