import Foundation

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

    /// Registers the plugin's components and adds its digest to `Version`;
    /// once per process (installing it again does nothing). A registration
    /// that fails throws its `RegistrationError` and the plugin counts as not
    /// installed (the components its earlier lines registered stay).
    public func install() throws {
        try Version.installed.add(name, digest: sourceDigest, install: registration)
    }
}
