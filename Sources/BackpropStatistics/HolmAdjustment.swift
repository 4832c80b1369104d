/// Holm's step-down adjustment of p-values (Holm 1979): the adjusted
/// p-values of a family of tests, such that rejecting every hypothesis whose
/// adjusted p is below α keeps the chance of any false rejection in the
/// family at most α, whatever the dependence between the tests.
///
/// Sorted ascending, the i-th smallest of m p-values becomes
/// max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎), so adjusted values keep the
/// order of the raw ones. A verdict that compares a leader with every other
/// run makes one claim per run; this keeps "every other run is behind" an
/// honest claim at 5% however many runs there are.
package enum HolmAdjustment {
    /// The adjusted p-values, in the order of `pValues`. NaN stays NaN and
    /// counts in the family size (a test that could not be done is not a
    /// test that passed).
    package static func adjust(_ pValues: [Double]) -> [Double] {
        let count = pValues.count
        let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted { pValues[$0] < pValues[$1] }
        var adjusted = pValues
        var running = 0.0
        for (position, index) in order.enumerated() {
            running = max(running, min(1, Double(count - position) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
