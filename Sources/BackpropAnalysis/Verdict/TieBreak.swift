import BackpropExperiment
import BackpropStatistics

/// The declared order of runs the verdict's metric cannot tell apart:
/// fewest epochs to the loss target (`stop.loss_below`; the median over
/// seeds, ∞ when most seeds never reach it), when the runs have a target;
/// then the lower loss on the validation set (else the training set); then
/// the file's order. Never the test set: what orders must not score.
///
/// Epochs, not seconds: the verdict must come out the same on every
/// machine. An epoch of a small batch takes more steps than one of a large
/// batch, which the report says beside it.
struct TieBreak {
    /// Whether any run has a loss target.
    var usesTarget: Bool
    /// Where the loss comes from: validation, else training.
    var part: Verdict.Part

    init(contenders: [Verdict.Contender], part: Verdict.Part) {
        usesTarget = contenders.contains { $0.epochsToTarget != nil }
        self.part = part
    }

    /// "fewest epochs to the loss target (median over seeds), then the lower validation loss".
    var description: String {
        let loss = "the lower \(part.rawValue) loss"
        return usesTarget ? "fewest epochs to the loss target (median over seeds), then \(loss)" : loss
    }

    /// The median over seeds of the epochs to the target, ∞ when most seeds
    /// never reach it; nil without a target.
    func epochs(_ contender: Verdict.Contender) -> Double? {
        guard let epochs = contender.epochsToTarget, !epochs.isEmpty else { return nil }
        return medianEpochs(epochs)
    }

    func loss(_ contender: Verdict.Contender) -> Double {
        Statistic(contender.tieBreakLoss.compactMap { $0 })?.mean ?? .infinity
    }

    /// Whether `a` comes strictly before `b` by the criteria (not by file order).
    func isAhead(_ a: Verdict.Contender, of b: Verdict.Contender) -> Bool {
        if usesTarget {
            let (first, second) = (epochs(a) ?? .infinity, epochs(b) ?? .infinity)
            if first != second { return first < second }
        }
        return loss(a) < loss(b)
    }

    /// `contenders` in tie-break order; equal ones keep their order.
    func ordered(_ contenders: [Verdict.Contender]) -> [Verdict.Contender] {
        contenders.enumerated().sorted { a, b in
            if isAhead(a.element, of: b.element) { return true }
            if isAhead(b.element, of: a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// "20 epochs", "not reached on most seeds (1 of 3)", or "validation loss
    /// 0.0213" when the target does not decide; a loss with as many digits as
    /// tell it from `other`'s.
    func valueText(_ contender: Verdict.Contender, decidedByTarget: Bool, other: Verdict.Contender) -> String {
        if decidedByTarget, let epochs = epochs(contender) {
            let reached = contender.epochsToTarget?.compactMap { $0 }.count ?? 0
            let seeds = contender.epochsToTarget?.count ?? 0
            return epochs.isFinite ? "\(formatEpochs(epochs)) epochs" : "not reached on most seeds (\(reached) of \(seeds))"
        }
        let (value, otherValue) = (loss(contender), loss(other))
        let digits = (3...6).first { formatSignificant(value, digits: $0) != formatSignificant(otherValue, digits: $0) } ?? 6
        return "\(part.rawValue) loss \(value.isFinite ? formatSignificant(value, digits: digits) : "–")"
    }
}
