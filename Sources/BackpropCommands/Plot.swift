import BackpropOutput

extension Commands {
    /// `backprop plot DIR`: redraws the report and charts from the results saved in DIR.
    package func plot(directory: String) throws -> CommandOutcome {
        try OutputWriter.refuseLinks(inside: directory)
        let result = try ResultsFile.read(directory: directory, catalog: catalog)
        let lock = try FolderLock(directory)
        defer { withExtendedLifetime(lock) {} }
        // Checkpoints come from training, which plot does not repeat: they stay.
        return Self.written(try OutputWriter.write(result, to: directory, carrying: OutputWriter.carriedOver + [CheckpointFile.folderName]))
    }
}
