/// The table `backprop gradcheck` prints.
package enum GradientCheckReport {
    package static func render(_ results: [GradientCheck.Result]) -> String {
        let rows = results.map { result in
            [result.component, formatNumber(result.maxRelativeError), result.worstEntry, result.passed ? "pass" : "FAIL"]
        }
        let failed = results.filter { !$0.passed }.count
        return (TextTable.render(header: ["component", "max relative error", "worst entry", "result"], rows: rows) + [
            "",
            "\(results.count - failed) passed, \(failed) failed (five-point finite differences, h = \(GradientCheck.step), "
                + "error = |analytic − numeric| / max(|analytic|, |numeric|, \(GradientCheck.relativeErrorFloor)), tolerance \(GradientCheck.tolerance))",
        ]).joined(separator: "\n")
    }
}
