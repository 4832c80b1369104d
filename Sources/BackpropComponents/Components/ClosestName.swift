import BackpropCore

/// The known name closest to `name` by edit distance, for did-you-mean hints;
/// nil when nothing is close (distance above max(2, a third of the name)).
/// Case is ignored when measuring, so `Adam` suggests `adam`.
func closestName(to name: String, in known: [String]) -> String? {
    let limit = max(2, name.count / 3)
    let scored = known.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }), best.1 <= limit, best.0 != name else {
        return nil
    }
    return best.0
}

/// " (did you mean 'adam'?)" for the closest known name, or "" when none is close.
func didYouMean(_ name: String, in known: [String]) -> String {
    closestName(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
}

/// Levenshtein distance: insertions, deletions and substitutions each cost 1.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
