import ArgumentParser
import Backprop

extension BackpropCommand {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a checkpoint and report loss, accuracy and confusion matrix on data.",
            discussion: """
                Without --data: the experiment's own test set (or its training data when it has none). \
                --data takes a dataset written as in an experiment file, e.g. \
                --data "csv: {path: new.csv, target: species}".
                """)

        @Argument(help: "A checkpoint file (plots/NAME/checkpoints/*.checkpoint).")
        var checkpoint: String

        @Option(help: "A dataset, written as in an experiment file.")
        var data: String?

        func run() throws {
            let dataset = try data.map { try ExperimentLoader.parseDataset($0, what: "--data") }
            print(try CheckpointCommands.evaluate(path: checkpoint, data: dataset))
        }
    }

    struct Predict: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a checkpoint and print its predictions for data as CSV (class names, or output values).")

        @Argument(help: "A checkpoint file (plots/NAME/checkpoints/*.checkpoint).")
        var checkpoint: String

        @Option(help: "A dataset, written as in an experiment file, e.g. \"csv: {path: new.csv, target: label}\".")
        var data: String

        func run() throws {
            print(try CheckpointCommands.predict(path: checkpoint, data: try ExperimentLoader.parseDataset(data, what: "--data")))
        }
    }
}
