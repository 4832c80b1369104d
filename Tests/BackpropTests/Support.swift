import Foundation
import Testing
@testable import Backprop

/// Loads a JSON fixture copied from ../shared/fixtures (PyTorch reference numbers).
func loadFixture(_ name: String) throws -> [String: Any] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    let data = try Data(contentsOf: url)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

func doubles(_ value: Any?) -> [Double] {
    (value as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
}

func matrix(_ value: Any?) -> Matrix<Double> {
    Matrix((value as? [Any] ?? []).map { doubles($0) })
}

/// |a − b| ≤ tolerance · max(|a|, |b|), with an absolute floor for values near zero.
func isClose(_ a: Double, _ b: Double, relative tolerance: Double, absoluteFloor: Double = 1e-300) -> Bool {
    abs(a - b) <= max(tolerance * max(abs(a), abs(b)), absoluteFloor)
}

func expectClose(
    _ actual: [Double], _ expected: [Double], relative tolerance: Double, absoluteFloor: Double = 1e-15,
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() where !isClose(a, e, relative: tolerance, absoluteFloor: absoluteFloor) {
        Issue.record("\(what)[\(index)] = \(a), expected \(e)", sourceLocation: sourceLocation)
        return
    }
}
