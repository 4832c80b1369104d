import ArgumentParser
import BackpropCommands
import Foundation

/// The `backprop` command tree: every subcommand, the exit-code policy and
/// output handling. The `backprop` executable is `BackpropCommand.main()`; a
/// plugin package's is `BackpropCommand.main(plugins: [its plugin])`.
public struct BackpropCommand: ParsableCommand {
    public init() {}

    /// The program's own name, so a plugin's binary says `backprop-plugin` in its usage.
    static let programName = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "backprop"

    // Computed: the version names the plugins `main(plugins:)` added.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: programName,
        abstract: "Train small neural networks with backpropagation and compare how optimizers converge.",
        discussion: "Exit codes: 0 ok, 1 a run failed (or diverged where the file forbids it), 2 bad input, 3 output could not be written, 70 a plugin's registration failed, 130 and 143 stopped by Ctrl-C and SIGTERM (finished runs written as a partial set).",
        version: Version.description(of: CommandLineCatalog.current) + "\nBLAS: " + BLASKernel.description,
        subcommands: [Run.self, Sweep.self, Suite.self, Merge.self, Check.self, Plot.self, List.self, Validate.self, Gradcheck.self, Explain.self,
                      Evaluate.self, Predict.self, Bench.self, Index.self]
        )
    }

    /// The command line with the built-in components only.
    public static func main() { main(plugins: []) }

    /// Adds `plugins` (their components beside the built-in ones) to the
    /// catalog, then runs the command line with it. Bad input of any kind exits 2 with one line
    /// naming the file and place; ArgumentParser's usage errors (64 by
    /// default) are mapped to 2 as well. A plugin whose registration fails
    /// (a name taken, ...) exits 70 with its one line, before any command.
    public static func main(plugins: [Plugin]) {
        // Before any product: a fallback kernel on a CPU that can do better restarts the program with the right one.
        BLASKernel.restartWithFittingKernel()
        var catalog = Catalog.builtIn
        for plugin in plugins {
            do {
                catalog = try catalog.adding(plugin)
            } catch {
                fail("\(error) (plugin \(plugin.name))", status: 70)
            }
        }
        CommandLineCatalog.$current.withValue(catalog) { runCommandLine() }
    }

    /// Parses the arguments and runs the subcommand, mapping errors to exit statuses.
    private static func runCommandLine() {
        // gnuplot may quit before reading a whole script (a chart it cannot draw): writing to
        // its closed pipe must be an error the tool reports, not a signal that kills it.
        signal(SIGPIPE, SIG_IGN)
        // Past a file-size limit (ulimit -f) a write fails with EFBIG, reported as a write error, instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any BadInputError {
            fail(error.description)
        } catch let error as WriteError {
            fail(error.description, status: 3)
        } catch let status as ExitCode {
            // A command's own status (emit), said already.
            exit(withError: status)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure || error is CleanExit {
                exit(withError: error)
            }
            fail(oneLine(message(for: error)) + " (see \(programName) help)")
        }
    }

    /// ArgumentParser's message in one line: its first line, with a list that
    /// follows it (`- 'layers'` ...) joined by commas, and no usage block.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.first else { return "bad command line" }
        let items = lines.dropFirst().prefix { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }
        return items.isEmpty ? first : first + " " + items.joined(separator: ", ")
    }

    static func fail(_ message: String, status: Int32 = 2) -> Never {
        FileHandle.standardError.write(Data(("error: " + terminalSafe(message) + "\n").utf8))
        Foundation.exit(status)
    }
}

/// Prints what a command produced: messages on standard error, then its
/// output; a status other than 0 ends the process with that status.
func emit(_ outcome: CommandOutcome) throws {
    for message in outcome.messages { FileHandle.standardError.write(Data((terminalSafe(message) + "\n").utf8)) }
    for line in outcome.output { print(line) }
    if outcome.status != 0 { throw ExitCode(outcome.status) }
}

/// The catalog the command line runs with: the library's, and the plugins'
/// that `main(plugins:)` added. Task-local, because ArgumentParser makes the
/// subcommands from the arguments alone; each hands it to `Commands`, and
/// from there it is passed explicitly.
enum CommandLineCatalog {
    @TaskLocal static var current: Catalog = .builtIn
}

extension ParsableCommand {
    /// The library's commands over the command line's catalog.
    var commands: Commands { Commands(catalog: CommandLineCatalog.current) }
}
