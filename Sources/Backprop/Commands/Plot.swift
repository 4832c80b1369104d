extension Commands {
    /// `backprop plot DIR`: redraws the report and charts from the results saved in DIR.
    public static func plot(directory: String) throws -> CommandOutcome {
        try OutputWriter.refuseLinks(inside: directory)
        return written(try OutputWriter.write(try ResultsFile.read(directory: directory), to: directory))
    }
}
