import BackpropOutput

extension Commands {
    /// How `backprop check` judges a regression, as asv judges a slower
    /// benchmark: the median got worse by more than `factor`, and the seeds
    /// say so with confidence.
    package struct CheckOptions: Sendable {
        package var factor: Double
        /// The significance level of the two-sided Mann–Whitney U test.
        package var alpha: Double

        package init(factor: Double = 1.2, alpha: Double = 0.05) {
            self.factor = factor
            self.alpha = alpha
        }
    }

    /// `backprop check DIR --baseline FILE`: compares every run's epochs to
    /// target and held-out error with the baseline's, prints a table, and
    /// exits 1 on a regression or on a run the baseline has and DIR lacks.
    /// `update` writes DIR's numbers as the new baseline instead.
    package func check(directory: String, baseline path: String, update: Bool = false,
                             options: CheckOptions = CheckOptions()) throws -> CommandOutcome {
        let result = try ResultsFile.read(directory: directory, catalog: catalog)
        let current = Baseline(result)
        if update && result.runs.count < result.trials.count {
            throw OutputError(path: directory, message: "holds \(result.runs.count) of the experiment's \(result.trials.count) trials (a partial merge?): a baseline needs them all")
        }
        guard current.quantities > 0 else {
            throw OutputError(path: directory, message: "nothing to gate: no run sets stop.loss_below (epochs to target) and the data has no validation or test set (held-out error)")
        }
        if update {
            try current.write(path: path)
            return CommandOutcome(output: ["baseline: \(path) (\(current.runs.count) runs of \(current.experiment))"])
        }
        let baseline = try Baseline.read(path: path)
        guard baseline.experiment == current.experiment else {
            throw OutputError(path: path, message: "is the baseline of '\(baseline.experiment)', not of '\(current.experiment)' (\(directory))")
        }
        guard baseline.heldOut == nil || current.heldOut == nil || baseline.heldOut == current.heldOut else {
            throw OutputError(path: path, message: "measures the \(baseline.heldOut ?? "") but \(directory) the \(current.heldOut ?? ""): the experiment's held-out data changed; make a new baseline with --update")
        }
        let order = result.plan.runs.map(\.label)
        let labels = baseline.runs.keys.sorted { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
        var rows: [[String]] = []
        var failures: [String] = []
        for label in labels {
            guard let before = baseline.runs[label] else { continue }
            guard let now = current.runs[label] else {
                rows.append([label, "-", "-", "-", "-", "-", "MISSING"])
                failures.append("'\(label)' is in the baseline but not in \(directory)")
                continue
            }
            let quantities: [(String, [Double]?, [Double]?, Double)] = [
                ("epochs to target", before.epochsToTarget, now.epochsToTarget, 1),
                ("held-out error", before.heldOutError, now.heldOutError, baseline.errorFloor),
            ]
            for (name, old, new, floor) in quantities {
                guard let old, !old.isEmpty else { continue }
                guard let new, !new.isEmpty else {
                    // The gate must not pass by losing what it checks (no more stop.loss_below, no held-out set).
                    rows.append([label, name, Self.medianText(median(old)), "-", "-", "-", "MISSING"])
                    failures.append("'\(label)' \(name) is in the baseline but \(directory) does not measure it")
                    continue
                }
                let comparison = Comparison(baseline: old, current: new, floor: floor, options: options)
                rows.append([label, name, Self.medianText(comparison.baselineMedian), Self.medianText(comparison.currentMedian),
                             comparison.ratioText, comparison.p.map { formatSignificant($0, digits: 2) } ?? "-", comparison.verdict])
                if comparison.isRegression {
                    failures.append("'\(label)' \(name): \(comparison.ratioText) the baseline's (\(comparison.evidence))")
                }
            }
        }
        let fresh = current.runs.keys.filter { baseline.runs[$0] == nil }.sorted()
        var output = ["check \(directory) against \(path): a regression is a median worse by more than \(formatSignificant(options.factor, digits: 3))x, significant over seeds (alpha \(formatSignificant(options.alpha, digits: 2)))"]
        output += TextTable.render(header: ["run", "quantity", "baseline", "current", "ratio", "p", "verdict"], rows: rows)
        if !fresh.isEmpty { output.append("not in the baseline (add them with --update): " + fresh.joined(separator: ", ")) }
        output.append(failures.isEmpty ? "no regression (\(rows.count) comparisons)" : "\(failures.count) regression(s)")
        return CommandOutcome(output: output, messages: failures.map { "regression: \($0)" }, status: failures.isEmpty ? 0 : 1)
    }

    static func medianText(_ value: Double) -> String {
        value.isInfinite ? "never" : formatSignificant(value, digits: 3)
    }

    /// One quantity of one run, baseline against current (larger is worse).
    struct Comparison {
        var baselineMedian: Double
        var currentMedian: Double
        var ratio: Double
        /// The Mann–Whitney p-value, when the seeds are enough for it.
        var p: Double?
        var isRegression: Bool
        var isImprovement: Bool
        var evidence: String

        init(baseline: [Double], current: [Double], floor: Double, options: CheckOptions) {
            baselineMedian = median(baseline)
            currentMedian = median(current)
            let (old, new) = (max(baselineMedian, floor), max(currentMedian, floor))
            ratio = old.isInfinite && new.isInfinite ? 1 : new / old
            let worse = ratio > options.factor, better = ratio < 1 / options.factor
            if MannWhitney.smallestP(baseline.count, current.count) < options.alpha {
                let p = MannWhitney.test(current, baseline).p
                self.p = p
                isRegression = worse && p < options.alpha
                isImprovement = better && p < options.alpha
                evidence = "Mann-Whitney p = \(formatSignificant(p, digits: 2))"
            } else {
                // Too few seeds for the test to reach alpha: only complete
                // separation counts (every current seed worse than every baseline seed).
                p = nil
                isRegression = worse && (current.min() ?? 0) > (baseline.max() ?? 0)
                isImprovement = better && (current.max() ?? 0) < (baseline.min() ?? 0)
                evidence = "every seed worse than every baseline seed"
            }
        }

        var ratioText: String { ratio.isInfinite ? "inf" : formatSignificant(ratio, digits: 3) + "x" }

        var verdict: String {
            if isRegression { return "REGRESSION" }
            if isImprovement { return "better" }
            if ratio > 1 / 1.0001 && ratio < 1.0001 { return "same" }
            return "within noise"
        }
    }
}
