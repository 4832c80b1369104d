import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the lesson's tiny network forward and backward, weight by weight.",
            discussion: """
                The network: input -> two ReLU hidden units -> linear output, squared error. With the \
                defaults the prediction is 7 for a target of 4 (error 3). For every weight it prints the \
                three factors of its gradient, their product and the weight after one step.
                """)

        @Argument(help: "An experiment file: walk its model (dense layers and activations, one output) on its first sample.")
        var file: String?

        @Option(name: .long, parsing: .unconditional, help: "The input value x.")
        var input: Double = 2

        @Option(name: .long, parsing: .unconditional, help: "The target t.")
        var target: Double = 4

        @Option(name: [.customLong("lr"), .long], parsing: .unconditional, help: "Learning rate of the gradient-descent step.")
        var learningRate: Double?

        func validate() throws {
            guard input.isFinite, target.isFinite else { throw ValidationError("--input and --target must be finite numbers") }
            if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
                throw ValidationError("--lr must be a positive number, got \(learningRate)")
            }
        }

        func run() throws {
            try emit(commands.explain(path: file, input: input, target: target, learningRate: learningRate))
        }
    }
}
