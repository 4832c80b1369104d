import ArgumentParser

/// Where outputs go: plots/NAME below the current folder by default.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("plots"), parsing: .unconditional, help: "Folder that receives one folder per experiment.")
    var outputRoot: String = "plots"

    func validate() throws {
        if outputRoot.trimmingCharacters(in: .whitespaces).isEmpty || outputRoot == "/" {
            throw ValidationError("--plots needs a folder, e.g. --plots plots")
        }
    }
}
