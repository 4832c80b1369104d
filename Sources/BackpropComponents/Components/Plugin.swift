import Foundation
import BackpropCore

/// A package's own components, registered in one go: what a plugin's
/// `main.swift` hands to `BackpropCommand.main(plugins:)`, and what its tests
/// install before naming them.
///
/// Its `sourceDigest` joins the library's in `Version.description`, which
/// keys sweep trials and is checked when results are merged: results made by
/// another version of a plugin's code are never reused. The SourceDigest
/// build plugin this package exports computes it from the plugin's sources.
public struct Plugin: Sendable {
    /// A name for messages and `--version`: `lion-example`.
    public let name: String
    /// Changes whenever the plugin's code does (the SourceDigest build plugin's `sourceDigest`).
    public let sourceDigest: String
    private let registration: @Sendable () throws -> Void

    /// `register` adds the plugin's components, one `try Registries.KIND.register(TYPE.self)` each.
    public init(name: String, sourceDigest: String, register: @escaping @Sendable () throws -> Void) {
        self.name = name
        self.sourceDigest = sourceDigest
        self.registration = register
    }

    /// Registers the plugin's components and adds its digest to `Version`,
    /// once per process: installing it again does nothing. Throws a
    /// `RegistrationError` when a registration fails (the components its
    /// earlier lines registered stay, keyed on its digest), when its name is
    /// not lowercase letters, digits, '-' and '_' (or its digest not letters,
    /// digits, '.', '-' and '_'), or when another plugin of
    /// that name (another digest) is installed.
    public func install() throws {
        // A component's name rule, with '-' too (`lion-example`).
        guard isLowercaseName(name.replacingOccurrences(of: "-", with: "_")) else {
            throw RegistrationError("plugin '\(name)': a plugin's name is lowercase letters, digits, '-' and '_', starting with a letter")
        }
        guard !sourceDigest.isEmpty, sourceDigest.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }) else {
            throw RegistrationError("plugin '\(name)': its source digest '\(sourceDigest)' is not letters, digits, '.', '-' and '_'")
        }
        try Self.installed.add(name, digest: sourceDigest, conflict: { earlier in
            RegistrationError("plugin '\(name)' is installed twice: first with source \(earlier), again with source \(sourceDigest)")
        }, install: registration)
    }
}

extension Plugin {
    /// The plugins installed in this process (`install`), in order: their
    /// names and digests join `Version.description`.
    package static let installed = InstalledSources()
}
