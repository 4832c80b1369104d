import BackpropOutput

extension Commands {
    /// `backprop index [--plots DIR]`: writes DIR/index.html, every experiment,
    /// sweep and suite under DIR with its verdict, linked to its page.
    package func index(outputRoot: String) throws -> CommandOutcome {
        try OutputWriter.checkWritable(outputRoot)
        let count = try IndexPage.write(root: outputRoot)
        return CommandOutcome(output: ["index: \(outputRoot)/\(IndexPage.name) (\(count) result(s))"])
    }
}
