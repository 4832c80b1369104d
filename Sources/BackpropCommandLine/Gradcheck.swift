import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Gradcheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check backpropagated gradients against finite differences (float64).",
            discussion: """
                Runs every layer, activation and loss, alone and in chains, and prints the largest \
                relative error of each. A component that needs a setting is listed as not \
                checked. Exits 1 if any check fails.
                """)

        @Argument(help: "An experiment file: check its own model on a few of its samples instead.")
        var file: String?

        func run() throws {
            try emit(commands.gradientCheck(path: file))
        }
    }
}
