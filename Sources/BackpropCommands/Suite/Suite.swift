import BackpropOutput

extension Commands {
    /// `backprop suite FILE`: the suite's protocol (tune, rerun, score) into
    /// OUTPUT_ROOT/suites/NAME, resuming from finished trials. With a shard,
    /// trains only its share of each phase; the scores and report come from a
    /// run without --shard once every shard's trials are in the tree.
    package func suite(path: String, outputRoot: String, sweep: SweepOptions = SweepOptions(), jobs: Int? = nil,
                             progress: any RunProgress, interruption: Interruption? = nil) throws -> CommandOutcome {
        let suite = try SuiteLoader.load(path: path, catalog: catalog)
        let shard = try sweep.shard?.resolve(environment: sweep.environment, count: sweep.shardCount)
        let root = outputRoot + "/suites"
        var options = SuiteRunner.Options(shard: shard, force: sweep.force, jobs: jobs)
        options.interruption = interruption
        let outcome = try SuiteRunner.run(suite, outputRoot: root, options: options, progress: progress)
        var messages = ["trained \(outcome.trained) trial(s), reused \(outcome.reused) finished one(s)"]
        messages += outcome.waiting.map { "waiting: \($0)" }
        if let signal = interruption?.signal, outcome.scores == nil {
            return CommandOutcome(messages: messages + ["stopped by \(Interruption.describe(signal)): every finished trial is kept; run the suite again to go on"],
                                  status: Interruption.exitStatus(for: signal))
        }
        guard let scores = outcome.scores else {
            let next = shard == nil ? "" : "; when every shard has finished this round, run the shards again (the reruns need all the tuning), then once without --shard for the report"
            return CommandOutcome(output: [], messages: messages + ["suite not complete: no scores yet" + next], status: 0)
        }
        if shard != nil {
            return CommandOutcome(messages: messages + ["every trial is finished: run without --shard to write the report"])
        }
        let written = try SuiteReport.write(scores, suite: suite, to: root + "/" + suite.name)
        var result = Commands.written(written)
        result.messages = messages + result.messages
        result.output += scores.ranked.map { overall in
            let quality = overall.qualityRank.map { "; mean rank by quality \(formatSignificant($0, digits: 3)) of \(scores.overall.count)" } ?? ""
            return "score \(formatSignificant(overall.score, digits: 3))  \(overall.contender) (targets reached: \(overall.reached) of \(scores.counted.count)\(quality))"
        }
        return result
    }
}
