import BackpropExperiment
import BackpropStatistics

/// The verdict of an experiment's results: which part ranks, each run's
/// score per seed, its tie-break measures, and the baselines.
extension Verdict {
    package init?(_ result: ExperimentResult) {
        let classification = result.classNames != nil
        let isSweep = !result.plan.sweepAxes.isEmpty
        let part: Part
        if isSweep && result.validationSamples > 0 {
            part = .validation
        } else {
            part = result.testSamples > 0 ? .test : result.validationSamples > 0 ? .validation : .training
        }
        let samples = [Part.test: result.testSamples, .validation: result.validationSamples, .training: result.trainingSamples][part] ?? 0
        var setting = Setting(metric: classification ? .accuracy : .rmse, part: part, samples: samples, seeds: result.plan.seeds)
        setting.tieBreakPart = result.validationSamples > 0 ? .validation : .training
        setting.isSweep = isSweep
        setting.hasTestScores = isSweep && part == .validation && result.testSamples > 0
        setting.validationChoseEpochs = part == .validation && result.runs.contains { $0.history.restoredEpoch != nil }
        if result.baselines.isEmpty && result.trainingSamples < BaselineFit.minimumRows {
            setting.noBaselines = "No baselines: \(result.trainingSamples) training row\(result.trainingSamples == 1 ? " is" : "s are") too few for one to mean anything (\(BaselineFit.minimumRows) needed)."
        }
        var contenders: [Contender] = []
        for plan in result.plan.runs {
            let results = result.results(for: plan.label)
            guard !results.isEmpty else { continue }
            let bySeed = result.plan.seeds.map { seed in results.first { $0.seed == seed } }
            let measured = bySeed.map { $0.map { Self.measure($0, on: part, classification: classification) } }
            let errors = measured.compactMap { $0?.rmseStandardError }
            if !errors.isEmpty { setting.rmseStandardErrors[plan.label] = errors.reduce(0, +) / Double(errors.count) }
            var contender = Contender(
                label: plan.label, scores: measured.map { $0?.score },
                diverged: zip(bySeed, measured).filter { run, measure in run?.history.diverged == true && measure?.score == nil }.count,
                missing: bySeed.filter { $0 == nil }.count,
                epochsToTarget: plan.stopping.lossBelow == nil ? nil : bySeed.map { $0?.history.thresholdEpoch },
                tieBreakLoss: bySeed.map { $0.flatMap { Self.measure($0, on: setting.tieBreakPart, classification: classification).loss } },
                testScores: setting.hasTestScores ? bySeed.map { $0.flatMap { Self.measure($0, on: .test, classification: classification).score } } : [])
            contender.trials = bySeed.map { $0?.trialKey ?? "" }
            contenders.append(contender)
        }
        for baseline in result.baselines {
            guard let scores = baseline.scores(on: part) else { continue }
            let score = classification ? scores.accuracy : scores.regression?.rmse
            let test = setting.hasTestScores ? baseline.scores(on: .test).flatMap { classification ? $0.accuracy : $0.regression?.rmse } : nil
            contenders.append(Contender(label: baseline.name, scores: result.plan.seeds.map { _ in score },
                                        testScores: test.map { [$0] } ?? [], baseline: baseline.kind, detail: baseline.detail))
        }
        self.init(contenders, setting: setting)
    }

    /// A run's score, loss and (regression) the score's standard error on `part`,
    /// at the epoch it ended with; nothing for a seed that diverged.
    static func measure(_ run: RunResult, on part: Part, classification: Bool) -> (score: Double?, loss: Double?, rmseStandardError: Double?) {
        switch part {
        case .test:
            guard let test = run.test else { return (nil, nil, nil) }
            return (classification ? test.accuracy : test.regression?.rmse, test.loss, test.regression?.rmseStandardError)
        case .validation:
            guard let end = run.history.endRecord else { return (nil, nil, nil) }
            return (classification ? end.validationAccuracy : end.validationRegression?.rmse, end.validationLoss,
                    end.validationRegression?.rmseStandardError)
        case .training:
            guard let end = run.history.endRecord else { return (nil, nil, nil) }
            return (classification ? end.accuracy : end.regression?.rmse, end.loss, end.regression?.rmseStandardError)
        }
    }

    /// The run whose diagnostics a report shows (confusion matrix, predicted
    /// against actual): the winner — clear, or first of the leading group by
    /// the tie-break — on its median seed by the verdict's score, and why it is that one.
    package func diagnosedRun(in result: ExperimentResult) -> (run: RunResult, why: String)? {
        guard let winner, let entry = ranking.first(where: { $0.label == winner && $0.standing != .baseline }) else { return nil }
        let seeds = zip(self.seeds, entry.scores).compactMap { seed, score in score.map { (seed, $0) } }
            .sorted { metric.isBetter($1.1, than: $0.1) }
        guard !seeds.isEmpty else { return nil }
        let (seed, score) = seeds[(seeds.count - 1) / 2]
        guard let run = result.results(for: winner).first(where: { $0.seed == seed }) else { return nil }
        let how = winnerByTieBreak ? "first of the leading group by the tie-break" : "the verdict's winner"
        let median = seeds.count > 1 ? ", on its median seed by \(part.rawValue) \(metric.label) (\(formatSignificant(score, digits: 3)))" : ""
        return (run, "\(winner) is \(how)\(median).")
    }
}

extension BaselineResult {
    func scores(on part: Verdict.Part) -> BaselineScores? {
        switch part {
        case .training: return training
        case .validation: return validation
        case .test: return test
        }
    }
}
