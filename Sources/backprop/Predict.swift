import ArgumentParser
import Backprop

extension BackpropCommand {
    struct Predict: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a checkpoint and print its predictions for data as CSV (class names, or output values).")

        @Argument(help: "A checkpoint file (plots/NAME/checkpoints/*.checkpoint).")
        var checkpoint: String

        @Option(help: "A dataset, written as in an experiment file, e.g. \"csv: {path: new.csv, target: label}\".")
        var data: String

        func run() throws {
            try emit(Commands.predict(checkpoint: checkpoint, data: data))
        }
    }
}
