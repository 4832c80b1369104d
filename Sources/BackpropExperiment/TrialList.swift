import BackpropTraining

/// Trials named in a message, the first few only: `'SGD' seed 1, 'Adam'
/// seed 2 and 5 more`.
package enum TrialList {
    package static func describe(_ trials: [(label: String, seed: UInt64)], limit: Int = 20) -> String {
        trials.prefix(limit).map { "'\($0.label)' seed \($0.seed)" }.joined(separator: ", ")
            + (trials.count > limit ? " and \(trials.count - limit) more" : "")
    }
}
