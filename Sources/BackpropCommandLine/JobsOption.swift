import ArgumentParser

/// How many runs train side by side.
struct JobsOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Runs trained side by side (default: one per core). With one job, BLAS may use every core for it.")
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024, found \(jobs)") }
    }
}
