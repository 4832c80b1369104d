import ArgumentParser
import Backprop

extension BackpropCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the components experiment files can name, with their settings and defaults.")

        @Argument(help: "layers, activations, losses, optimizers, initializers, schedules or datasets (all when left out).")
        var kind: String?

        func run() throws {
            print(try ExperimentCommands.list(kind: kind))
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an experiment file, its data and its model without training.")

        @Argument(help: "The experiment file (YAML).")
        var file: String

        func run() throws {
            let (summary, warnings) = try ExperimentCommands.validate(path: file)
            for warning in warnings { print("warning: \(warning)") }
            print(summary)
        }
    }
}
