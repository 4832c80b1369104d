import BackpropTraining

/// A validated suite file: problems, contenders, the tuning search and the
/// reruns, ready for `SuiteRunner`.
package struct SuitePlan: Sendable {
    /// How time to target is counted in the profiles.
    package enum TimeUnit: String, Sendable {
        /// Epochs: the same on every machine (the default).
        case epochs
        /// Training seconds: machine-dependent.
        case seconds
    }

    package var name: String
    package var description: String
    package var problems: [SuiteProblem]
    /// The contenders' labels, in the file's order.
    package var contenders: [String]
    /// Seeds of the reruns of each chosen setting, judged on the test split.
    package var rerunSeeds: [UInt64]
    package var timeUnit: TimeUnit
    /// Tuning trials per contender and problem: the same for every contender.
    package var budget: Int
    /// The tuning search as written, for the report.
    package var tuningText: String
    package var source: String
    package var file: String
}

/// One problem of a suite.
package struct SuiteProblem: Sendable {
    package var name: String
    /// The problem as an experiment document: its data, model, loss and
    /// training, the contenders as runs, the tuning space as its sweep.
    var document: [(key: String, value: ConfigValue)]
    /// The suite file, which the experiments made from it name.
    var file: String
    var baseDirectory: String
    package var target: ProblemTarget
    /// The tuning experiment: every contender over the tuning space, with the
    /// tuning seed, judged on the validation split.
    package var tuning: ExperimentPlan
    /// The same experiment as the suite file writes it, for errors found when
    /// its data is loaded (they name the suite's lines, not the generated file's).
    package var checked: ExperimentPlan
    /// Where the problem and its target are written.
    var entry: ConfigValue
    package var targetPosition: ConfigValue

    /// The same problem with `tuning` parsed from its own experiment text.
    func withTuningPlan() throws -> SuiteProblem {
        var problem = self
        problem.tuning = try experiment(document)
        return problem
    }

    /// The rerun experiment: each contender at the setting tuning chose
    /// (`chosen`, one run per contender), with `seeds`. A rerun with the
    /// tuning seed is the tuning trial itself, so it is reused, not trained.
    package func rerunPlan(chosen: [RunPlan], seeds: [UInt64]) throws -> ExperimentPlan {
        var grid: [(key: String, value: ConfigValue)] = []
        for run in chosen {
            for swept in run.sweepValues {
                let setting = swept.axis.hasPrefix("runs.*.") ? String(swept.axis.dropFirst("runs.*.".count)) : swept.axis
                let key = setting.hasPrefix("runs.") ? setting : "runs.\(run.contender).\(setting)"
                guard let value = try YAMLReader.read(swept.value, file: file) else {
                    throw ExperimentError(file: file, message: "problem '\(name)': cannot read back the tuned value '\(swept.value)' of \(swept.axis)")
                }
                grid.append((key, ConfigValue(.sequence([value]))))
            }
        }
        var rerun = document.filter { !["seeds", "sweep", "plots"].contains($0.key) }
        rerun.insert(("seeds", ConfigValue(.sequence(seeds.map { ConfigValue(.scalar(String($0), plain: true)) }))), at: 2)
        if !grid.isEmpty { rerun.append(("sweep", ConfigValue(entries: [("grid", ConfigValue(entries: grid))]))) }
        rerun.append(("plots", ConfigValue(.sequence(["loss"].map { ConfigValue(.scalar($0, plain: true)) }))))
        return try experiment(rerun)
    }

    private func experiment(_ document: [(key: String, value: ConfigValue)]) throws -> ExperimentPlan {
        let text = "# Made by `backprop suite` from \(file), problem '\(name)'.\n" + ConfigValue(entries: document).yamlText + "\n"
        return try ExperimentLoader(catalog: checked.catalog).parse(text, file: "\(file) (problem '\(name)')", baseDirectory: baseDirectory)
    }
}
