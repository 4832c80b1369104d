import Foundation
import BackpropCore

/// A package's own components, registered in one go: what a plugin's
/// `main.swift` hands to `BackpropCommand.main(plugins:)`, and what its tests
/// add to a catalog (`Catalog.builtIn.adding(plugin)`) before naming them.
///
/// Its `sourceDigest` joins the library's in the version, which keys sweep
/// trials and is checked when results are merged: results made by another
/// version of a plugin's code are never reused. The SourceDigest build
/// plugin this package exports computes it from the plugin's sources.
public struct Plugin: Sendable {
    /// A name for messages and `--version`: `lion-example`.
    public let name: String
    /// Changes whenever the plugin's code does (the SourceDigest build plugin's `sourceDigest`).
    public let sourceDigest: String
    let registration: @Sendable (inout Catalog) throws -> Void

    /// `register` adds the plugin's components to the catalog it is given,
    /// one `try catalog.register(optimizer: Lion.self)` (or `layer:`,
    /// `activation:`, `loss:`, `initializer:`, `schedule:`, `dataset:`, `chart:`) each.
    public init(name: String, sourceDigest: String, register: @escaping @Sendable (inout Catalog) throws -> Void) {
        self.name = name
        self.sourceDigest = sourceDigest
        self.registration = register
    }

    /// Throws a `RegistrationError` unless its name is lowercase letters,
    /// digits, '-' and '_', and its digest letters, digits, '.', '-' and '_'.
    func checkIdentity() throws {
        // A component's name rule, with '-' too (`lion-example`).
        guard isLowercaseName(name.replacingOccurrences(of: "-", with: "_")) else {
            throw RegistrationError("plugin '\(name)': a plugin's name is lowercase letters, digits, '-' and '_', starting with a letter")
        }
        guard !sourceDigest.isEmpty, sourceDigest.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }) else {
            throw RegistrationError("plugin '\(name)': its source digest '\(sourceDigest)' is not letters, digits, '.', '-' and '_'")
        }
    }
}
