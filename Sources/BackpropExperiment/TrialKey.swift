import BackpropTraining

/// A trial's identity: a digest of everything that determines its numbers,
/// not of where it stands in the file. Two trials with the same key train
/// the same numbers, so a finished one is reused instead of trained again,
/// and a shard is chosen by key, whatever the order of the file.
///
/// What goes in: the program (`Version`: release and source digest), the
/// experiment's identity (dtype, dataset section with split and scaling,
/// model, loss), a digest of the data as loaded, the run's own settings
/// (train keys, model, sweep values) and the seed. Labels, names, charts and
/// the order of runs, keys or seeds do not change a key.
package enum TrialKey {
    package static func make(plan: ExperimentPlan, run: RunPlan, seed: UInt64, dataDigest: String) -> String {
        var digest = Digest()
        for part in ["backprop trial", Version.description(of: plan.catalog), plan.identity, dataDigest, run.identity, String(seed)] {
            digest.add(part)
        }
        return digest.hex
    }
}

/// Where finished trials are kept between invocations (a folder of files,
/// `Output/TrialFolder.swift`): the runner asks it before training a trial
/// and hands it each trial as soon as it finishes, from the training threads.
package protocol TrialStore: Sendable {
    /// The result of a finished trial with this key, or nil.
    func load(key: String) -> RunResult?
    func save(_ result: RunResult) throws
}
