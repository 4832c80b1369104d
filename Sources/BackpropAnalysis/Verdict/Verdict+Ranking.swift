import BackpropExperiment
import BackpropStatistics

extension Verdict {
    /// The leading group first (in tie-break order, sharing rank 1), then the
    /// other runs by standing and score, equal scores sharing a rank and the
    /// runs that diverged on every seed sharing the last. Baselines are
    /// unranked: above the group when better than the leader's mean, else
    /// among the runs behind by score.
    static func order(_ entries: [Entry], group: [String], metric: Metric) -> [Entry] {
        func rankClass(_ entry: Entry) -> Int {
            switch entry.standing {
            case .leader, .leadingGroup: return 0
            case .behind, .unranked: return 1
            case .partlyDiverged: return 2
            case .diverged, .baseline: return 3
            }
        }
        var ordered = entries.filter { $0.standing != .baseline }.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if rankClass(x) != rankClass(y) { return rankClass(x) < rankClass(y) }
            if rankClass(x) == 0 { return (group.firstIndex(of: x.label) ?? 0) < (group.firstIndex(of: y.label) ?? 0) }
            if x.diverged != y.diverged { return x.diverged < y.diverged }
            if metric.isBetter(x.score?.mean, than: y.score?.mean) != metric.isBetter(y.score?.mean, than: x.score?.mean) {
                return metric.isBetter(x.score?.mean, than: y.score?.mean)
            }
            return a.offset < b.offset
        }.map(\.element)
        for index in ordered.indices {
            let entry = ordered[index]
            let previous = index > 0 ? ordered[index - 1] : nil
            if rankClass(entry) == 0 {
                ordered[index].rank = 1
            } else if let previous, rankClass(previous) != 0, previous.score == entry.score, previous.diverged == entry.diverged {
                ordered[index].rank = previous.rank  // equal scores (or none at all) share a rank
            } else {
                ordered[index].rank = index + 1
            }
        }
        let leader = ordered.first { $0.standing == .leader }
        for baseline in entries where baseline.standing == .baseline {
            let position: Int
            if leader == nil || metric.isBetter(baseline.score?.mean, than: leader?.score?.mean) {
                // Above the networks, and above any baseline it beats.
                position = ordered.firstIndex { $0.standing != .baseline || metric.isBetter(baseline.score?.mean, than: $0.score?.mean) } ?? ordered.count
            } else {
                position = ordered.firstIndex { rankClass($0) >= 1 && $0.standing != .baseline && metric.isBetter(baseline.score?.mean, than: $0.score?.mean) }
                    ?? ordered.firstIndex { rankClass($0) >= 2 && $0.standing != .baseline } ?? ordered.count
            }
            ordered.insert(baseline, at: position)
        }
        return ordered
    }
}
