/// Which contender did best on held-out data: the runs ranked by one metric
/// (accuracy for classification, RMSE for regression) on the test set when
/// there is one, else the validation set, else (saying so) the training set.
/// Mean ± std over seeds; a run is tied with the winner when their means
/// differ by no more than the larger of their two spreads.
public struct Verdict: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var rank: Int
        public var label: String
        /// Nil when every seed diverged.
        public var score: Statistic?
        /// Within the spread of the winner (never true of the winner itself).
        public var tiedWithWinner: Bool
        public var epochsToThreshold: Statistic?
    }

    /// "test", "validation" or "training".
    public var split: String
    /// "accuracy" or "rmse".
    public var metric: String
    public var higherIsBetter: Bool
    public var ranking: [Entry]
    /// One sentence naming the winner and the runner-up with their numbers.
    public var sentence: String

    /// A run as the verdict sees it: its score on the chosen split.
    struct Contender {
        var label: String
        var score: Statistic?
        var epochsToThreshold: Statistic?
    }

    init?(_ runs: [Summary.Run], classification: Bool, samples: (validation: Int, test: Int)) {
        let split = samples.test > 0 ? "test" : samples.validation > 0 ? "validation" : "training"
        let pick: (Summary.Run) -> Statistic?
        switch (classification, split) {
        case (true, "test"): pick = { $0.testAccuracy }
        case (true, "validation"): pick = { $0.finalValidationAccuracy }
        case (true, _): pick = { $0.finalAccuracy }
        case (false, "test"): pick = { $0.testRegression?.rmse }
        case (false, "validation"): pick = { $0.finalValidationRegression?.rmse }
        case (false, _): pick = { $0.finalRegression?.rmse }
        }
        self.init(runs.map { Contender(label: $0.label, score: pick($0), epochsToThreshold: $0.epochsToThreshold) },
                  metric: classification ? "accuracy" : "rmse", split: split,
                  samples: split == "test" ? samples.test : samples.validation)
    }

    /// Ranks `contenders` by mean score (accuracy: higher first; RMSE: lower
    /// first), runs without a score (every seed diverged) last in file order.
    init?(_ contenders: [Contender], metric: String, split: String, samples: Int) {
        guard !contenders.isEmpty else { return nil }
        self.metric = metric
        self.split = split
        higherIsBetter = metric == "accuracy"
        let better = higherIsBetter
        let ordered = contenders.enumerated().sorted { a, b in
            switch (a.element.score, b.element.score) {
            case let (x?, y?): return x.mean == y.mean ? a.offset < b.offset : (better ? x.mean > y.mean : x.mean < y.mean)
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return a.offset < b.offset
            }
        }.map(\.element)
        ranking = ordered.enumerated().map { index, contender in
            var tied = false
            if index > 0, let score = contender.score, let winner = ordered[0].score {
                tied = abs(score.mean - winner.mean) <= max(score.std, winner.std)
            }
            return Entry(rank: index + 1, label: contender.label, score: contender.score, tiedWithWinner: tied,
                         epochsToThreshold: contender.epochsToThreshold)
        }
        sentence = Self.sentence(ranking, metric: metric, split: split, samples: samples)
    }

    private static func sentence(_ ranking: [Entry], metric: String, split: String, samples: Int) -> String {
        let name = metric == "rmse" ? "RMSE" : metric
        let place = split == "training"
            ? "There is no held-out data, so this ranks the training set, which rewards fitting it; add `split: {test: 0.2}` to the dataset for a fair verdict."
            : "On the \(split) set (\(samples) samples),"
        guard let first = ranking.first, let best = first.score else {
            return "\(place) every run diverged: there is no winner."
        }
        var text = split == "training" ? "\(place) **\(first.label)** ranks first with \(name) \(best.text)" : "\(place) **\(first.label)** wins with \(name) \(best.text)"
        if let second = ranking.dropFirst().first, let score = second.score {
            text += "; \(second.label) is second with \(score.text)"
            if second.tiedWithWinner {
                let tied = ranking.filter(\.tiedWithWinner).count
                text += ", within the spread over seeds: a tie on this evidence"
                if tied > 1 { text += " (\(tied) runs are within the winner's spread)" }
            }
        } else if ranking.count > 1 {
            text += "; every other run diverged"
        }
        return text + "."
    }
}
