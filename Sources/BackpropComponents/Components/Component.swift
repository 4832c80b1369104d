import BackpropCore

/// What every component an experiment file can name says about itself: its
/// name, a one-line summary, and how it reads its settings.
///
/// A component's file is its whole definition: the type, this conformance
/// and, in `init(settings:)`, every setting with its default and range. The
/// registry of its kind (`Catalog.optimizers`, ...) builds it from a file
/// through that one initializer, and `backprop list` documents it by running
/// the same reads in describing mode, so nothing restates a default or a check.
public protocol Component: Sendable, CustomStringConvertible {
    /// The name experiment files use: `adam`, `dense`, `xor`.
    static var name: String { get }
    /// One line for `backprop list`.
    static var summary: String { get }
    /// Reads the settings. Keys that no read asks for are errors with a
    /// did-you-mean, so a typo never passes silently.
    init(settings: Settings) throws
}

extension Component {
    /// The component with settings written in code as a file would write them,
    /// checked the same way: `try Adam(["lr": 0.01, "amsgrad": true])`. A
    /// nested component a setting names comes from `catalog`.
    public init(_ values: ConfigValue, catalog: Catalog = .builtInComponents) throws {
        let settings = try Settings(component: Self.name, value: values, catalog: catalog)
        try self.init(settings: settings)
        try settings.finish()
    }

    public var description: String { Self.name }
}
