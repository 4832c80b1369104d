import Foundation
import Testing
@testable import BackpropPlatform
@testable import BackpropStatistics
@testable import BackpropCore
@testable import BackpropComponents
@testable import BackpropTraining
@testable import BackpropExperiment
@testable import BackpropAnalysis
@testable import BackpropOutput
@testable import BackpropCommands

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

/// A JSON value (a fixture's torch.optim settings) as settings written in code.
func configValue(_ value: Any?) -> ConfigValue {
    switch value {
    case let number as NSNumber where String(cString: number.objCType) == "c": return ConfigValue(booleanLiteral: number.boolValue)
    case let number as NSNumber: return ConfigValue(floatLiteral: number.doubleValue)
    case let text as String: return ConfigValue(stringLiteral: text)
    case let list as [Any]: return ConfigValue(.sequence(list.map(configValue)))
    case let map as [String: Any]: return ConfigValue(entries: map.sorted { $0.key < $1.key }.map { ($0.key, configValue($0.value)) })
    default: return ConfigValue(.scalar("", plain: true))
    }
}

/// An optimizer from the registry, as an experiment file would name it.
func optimizer(_ name: String, _ settings: ConfigValue) throws -> Optimizer<Double> {
    Optimizer<Double>(try Catalog.builtIn.make(\.optimizers, name, settings))
}

/// The cases of a fixture; a missing fixture is an error, not zero cases.
func fixtureCases(_ name: String, key: String = "cases") throws -> [[String: Any]] {
    try #require(try loadFixture(name)[key] as? [[String: Any]], "\(name).json has no '\(key)'")
}
