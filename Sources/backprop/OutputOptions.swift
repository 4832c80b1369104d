import ArgumentParser

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

/// How many runs train side by side.
struct JobsOption: ParsableArguments {
    @Option(help: "Runs trained side by side (default: one per core). With one job, BLAS may use every core for it.")
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024, found \(jobs)") }
    }
}
