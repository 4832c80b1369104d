import ArgumentParser
import Backprop
import Foundation

@main
struct BackpropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backprop",
        abstract: "Train small neural networks with backpropagation and compare how optimizers converge.",
        discussion: "Exit codes: 0 ok, 1 a run failed (or diverged where the file forbids it), 2 bad input.",
        version: "0.1.0",
        subcommands: [Run.self, Sweep.self, Merge.self, Plot.self, List.self, Validate.self, Gradcheck.self, Explain.self,
                      Evaluate.self, Predict.self, Bench.self]
    )

    /// Bad input of any kind exits 2 with one line naming the file and place;
    /// ArgumentParser's usage errors (64 by default) are mapped to 2 as well.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExperimentError {
            fail(error.description)
        } catch let error as DataError {
            fail(error.description)
        } catch let error as ComponentError {
            fail(error.description)
        } catch let error as OutputError {
            fail(error.description)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure || error is CleanExit {
                exit(withError: error)
            }
            // One line: ArgumentParser's message without its usage block.
            let message = self.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "bad command line"
            FileHandle.standardError.write(Data(("error: \(message) (see backprop help)\n").utf8))
            Foundation.exit(2)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}

/// Where outputs go: plots/NAME below the current folder by default.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("plots"), help: "Folder that receives one folder per experiment.")
    var outputRoot: String = "plots"

    func validate() throws {
        if outputRoot.trimmingCharacters(in: .whitespaces).isEmpty || outputRoot == "/" {
            throw ValidationError("--plots needs a folder, e.g. --plots plots")
        }
    }
}

/// Prints what happened to the outputs and returns the exit status.
func report(_ outcome: OutputWriter.Outcome, result: ExperimentResult?) throws {
    for warning in result?.warnings ?? [] {
        FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
    }
    if outcome.gnuplotMissing {
        FileHandle.standardError.write(Data("warning: gnuplot not found: wrote the data and .gp scripts but no PNGs; install gnuplot-nox (make deps), then run `backprop plot \(outcome.directory)`\n".utf8))
    }
    for failure in outcome.chartFailures {
        FileHandle.standardError.write(Data("warning: chart not drawn: \(failure)\n".utf8))
    }
    print("report: \(outcome.directory)/report.md")
    if let result, result.plan.failOnDivergence, result.runs.contains(where: { $0.history.diverged }) {
        FileHandle.standardError.write(Data("error: a run diverged and the experiment sets fail_on_divergence\n".utf8))
        throw ExitCode(1)
    }
}
