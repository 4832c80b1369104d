import BackpropOutput

/// The table `backprop gradcheck` prints, then the components the suite
/// could not check (each with its reason), then the counts.
package enum GradientCheckReport {
    package static func render(_ results: [GradientCheck.Result], notChecked: [GradientCheckSuite.NotChecked] = []) -> String {
        let rows = results.map { result in
            [result.component, formatNumber(result.maxRelativeError), result.worstEntry, result.passed ? "pass" : "FAIL"]
        }
        let failed = results.filter { !$0.passed }.count
        // A component left out is named on a line of its own: a count alone would pass unread.
        let skipped = notChecked.isEmpty ? [] : notChecked.map { terminalSafe($0.description) }
            + ["(to check one, give it its settings in an experiment's model and run `backprop gradcheck FILE`)", ""]
        return (TextTable.render(header: ["component", "max relative error", "worst entry", "result"], rows: rows) + [""] + skipped + [
            "\(results.count - failed) passed, \(failed) failed" + (notChecked.isEmpty ? "" : ", \(notChecked.count) not checked")
                + " (five-point finite differences, h = \(GradientCheck.step), "
                + "error = |analytic − numeric| / max(|analytic|, |numeric|, \(GradientCheck.relativeErrorFloor)), tolerance \(GradientCheck.tolerance))",
        ]).joined(separator: "\n")
    }
}
