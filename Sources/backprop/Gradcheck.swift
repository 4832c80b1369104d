import ArgumentParser
import Backprop

extension BackpropCommand {
    struct Gradcheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check backpropagated gradients against finite differences (float64).",
            discussion: """
                Runs every layer, activation and loss, alone and in chains, and prints the largest \
                relative error of each. Exits 1 if any check fails.
                """)

        func run() throws {
            let results = GradientCheckSuite.run()
            print(GradientCheckReport.render(results))
            if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
        }
    }
}
