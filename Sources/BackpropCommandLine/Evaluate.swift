import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a checkpoint and report loss, accuracy (or RMSE, MAE, R²) and confusion matrix on data.",
            discussion: """
                Without --data: the experiment's own test set, cut as when it trained (an error when it has none). \
                Labels are read as the model's classes, by name. \
                --data takes a dataset written as in an experiment file, e.g. \
                --data "csv: {path: new.csv, target: species}".
                """)

        @Argument(help: "A checkpoint file (plots/NAME/checkpoints/*.checkpoint).")
        var checkpoint: String

        @Option(parsing: .unconditional, help: "A dataset, written as in an experiment file.")
        var data: String?

        func run() throws {
            try emit(commands.evaluate(checkpoint: checkpoint, data: data))
        }
    }
}
