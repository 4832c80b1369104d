import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an experiment file, its data and its model without training.")

        @Argument(help: "The experiment file (YAML).")
        var file: String

        func run() throws {
            try emit(commands.validate(path: file))
        }
    }
}
