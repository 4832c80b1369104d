import ArgumentParser
import BackpropCommands

extension BackpropCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A CI gate: compare a sweep's epochs to target and held-out error with a committed baseline.",
            discussion: """
                A run regresses when its median over seeds is worse than the baseline's by more than --factor and the \
                seeds say so: a two-sided Mann-Whitney U test at --alpha when there are enough seeds for it to reach \
                that level, else every seed worse than every baseline seed. A run that never reaches its target counts \
                as infinitely slow. Exits 1 on a regression or on a baseline run that is missing.
                """)

        @Argument(help: "An output folder with results.json (e.g. plots/NAME).")
        var directory: String

        @Option(parsing: .unconditional, help: "The baseline file (JSON), e.g. experiments/baselines/NAME.json.")
        var baseline: String

        @Flag(help: "Write the folder's numbers as the new baseline instead of comparing.")
        var update = false

        @Option(parsing: .unconditional, help: "How much worse a median must be to count (ratio > 1).")
        var factor: Double = 1.2

        @Option(parsing: .unconditional, help: "The significance level of the Mann-Whitney U test.")
        var alpha: Double = 0.05

        func validate() throws {
            guard factor.isFinite && factor > 1 else { throw ValidationError("--factor must be a ratio above 1, e.g. 1.2") }
            guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must be in (0, 1), e.g. 0.05") }
        }

        func run() throws {
            try emit(commands.check(directory: directory, baseline: baseline, update: update,
                                    options: Commands.CheckOptions(factor: factor, alpha: alpha)))
        }
    }
}
