/// Which contender did best on held-out data: the runs ranked by one metric
/// (accuracy for classification, RMSE for regression) on the test set when
/// there is one, else the validation set, else (saying so) the training set.
///
/// Mean ± std over seeds. Runs that finished on every seed rank first; a run
/// that diverged on some seeds ranks after them (its mean hides the failures),
/// one that diverged on all ranks last. The runs right below the winner whose
/// means differ from the winner's by no more than the larger of the two
/// spreads are tied with it; equal scores share a rank.
package struct Verdict: Codable, Sendable {
    package enum Part: String, Codable, Sendable {
        case test, validation, training
    }

    package enum Metric: String, Codable, Sendable {
        case accuracy, rmse

        var title: String { self == .rmse ? "RMSE" : "accuracy" }
        var higherIsBetter: Bool { self == .accuracy }
    }

    package struct Entry: Codable, Sendable {
        package var rank: Int
        package var label: String
        /// Over the seeds that did not diverge; nil when every seed diverged.
        package var score: Statistic?
        /// How many of the run's seeds diverged, of how many.
        package var diverged: Int
        package var seeds: Int
        /// Within the winner's spread, as every run ranked above it (never the winner itself).
        package var tiedWithWinner: Bool
        package var epochsToThreshold: Statistic?

        /// "0.951 ± 0.029", with "(3/8 seeds diverged)" or "diverged".
        var scoreText: String {
            guard let score else { return "diverged" }
            return score.text + (diverged > 0 ? " (\(diverged)/\(seeds) seeds diverged)" : "")
        }
    }

    package var split: Part
    package var metric: Metric
    package var ranking: [Entry]
    /// One sentence naming the winner and the runner-up with their numbers.
    package var sentence: String

    /// A run as the verdict sees it: its score on the chosen split.
    struct Contender {
        var label: String
        var score: Statistic?
        var diverged = 0
        var seeds = 1
        var epochsToThreshold: Statistic?
    }

    init?(_ runs: [Summary.Run], classification: Bool, samples: (validation: Int, test: Int)) {
        let split: Part = samples.test > 0 ? .test : samples.validation > 0 ? .validation : .training
        let pick: (Summary.Run) -> Statistic?
        switch (classification, split) {
        case (true, .test): pick = { $0.testAccuracy }
        case (true, .validation): pick = { $0.finalValidationAccuracy }
        case (true, .training): pick = { $0.finalAccuracy }
        case (false, .test): pick = { $0.testRegression?.rmse }
        case (false, .validation): pick = { $0.finalValidationRegression?.rmse }
        case (false, .training): pick = { $0.finalRegression?.rmse }
        }
        let contenders = runs.map {
            Contender(label: $0.label, score: pick($0), diverged: $0.diverged, seeds: $0.seeds.count, epochsToThreshold: $0.epochsToThreshold)
        }
        self.init(contenders, metric: classification ? .accuracy : .rmse, split: split,
                  samples: split == .test ? samples.test : samples.validation,
                  validationChoseEpochs: split == .validation && runs.contains { !$0.restoredEpochs.isEmpty })
    }

    /// `validationChoseEpochs`: `restore_best` picked epochs on the very
    /// validation scores ranked here, which the sentence then says.
    init?(_ contenders: [Contender], metric: Metric, split: Part, samples: Int, validationChoseEpochs: Bool = false) {
        guard !contenders.isEmpty else { return nil }
        self.metric = metric
        self.split = split
        func group(_ contender: Contender) -> Int { contender.score == nil ? 2 : contender.diverged > 0 ? 1 : 0 }
        let ordered = contenders.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if group(x) != group(y) { return group(x) < group(y) }
            guard let first = x.score, let second = y.score, first.mean != second.mean else { return a.offset < b.offset }
            return metric.higherIsBetter ? first.mean > second.mean : first.mean < second.mean
        }.map(\.element)
        var entries: [Entry] = []
        var tiedSoFar = true
        for (index, contender) in ordered.enumerated() {
            var tied = false
            if index > 0, tiedSoFar, group(contender) == 0, let score = contender.score, let winner = ordered[0].score {
                tied = abs(score.mean - winner.mean) <= max(score.std, winner.std)
            }
            tiedSoFar = tiedSoFar && (index == 0 || tied)
            var rank = index + 1
            if let previous = entries.last, previous.score != nil, previous.score == contender.score, previous.diverged == contender.diverged {
                rank = previous.rank
            }
            entries.append(Entry(rank: rank, label: contender.label, score: contender.score, diverged: contender.diverged,
                                 seeds: contender.seeds, tiedWithWinner: tied, epochsToThreshold: contender.epochsToThreshold))
        }
        ranking = entries
        sentence = Self.sentence(entries, metric: metric, split: split, samples: samples, validationChoseEpochs: validationChoseEpochs)
    }

    private static func sentence(_ ranking: [Entry], metric: Metric, split: Part, samples: Int, validationChoseEpochs: Bool) -> String {
        let place = split == .training
            ? "There is no held-out data, so this ranks the training set, which rewards fitting it; add `split: {test: 0.2}` to the dataset for a fair verdict."
            : "On the \(split.rawValue) set (\(samples) samples),"
        guard let first = ranking.first, first.score != nil else {
            return "\(place) every run diverged: there is no winner."
        }
        var text = "\(place) **\(first.label)** \(split == .training ? "ranks first" : "wins") with \(metric.title) \(first.scoreText)"
        if let second = ranking.dropFirst().first, second.score != nil {
            text += "; \(second.label) is second with \(second.scoreText)"
            if second.tiedWithWinner {
                let tied = ranking.filter(\.tiedWithWinner).count
                text += ", within the spread over seeds: a tie on this evidence"
                if tied > 1 { text += " (\(tied) runs are within the winner's spread)" }
            }
        } else if ranking.count > 1 {
            text += "; every other run diverged"
        }
        text += "."
        if validationChoseEpochs {
            text += " The validation set also chose each run's restored epoch (restore_best), so these numbers flatter the runs; hold out a test set for an unbiased verdict."
        }
        return text
    }
}
