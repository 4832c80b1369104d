import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Predict: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a checkpoint and print its predictions for data as CSV.",
            discussion: """
                Columns: row (the data row, from 0), prediction (class name, or value in the targets' units) \
                and, for classifiers, p_CLASS, the probability of each class. The data's target column may be left out.
                """)

        @Argument(help: "A checkpoint file (plots/NAME/checkpoints/*.checkpoint).")
        var checkpoint: String

        @Option(parsing: .unconditional, help: "A dataset, written as in an experiment file, e.g. \"csv: {path: new.csv, target: label}\".")
        var data: String

        func run() throws {
            try emit(commands.predict(checkpoint: checkpoint, data: data))
        }
    }
}
