import ArgumentParser
import Backprop

@main
struct BackpropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backprop",
        abstract: "Train small neural networks with backpropagation and compare how optimizers converge.",
        version: "0.1.0",
        subcommands: [Gradcheck.self, Explain.self]
    )
}
