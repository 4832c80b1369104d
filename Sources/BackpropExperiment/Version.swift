import Foundation
import BackpropTraining

/// Which backprop made a result: the release number, and the digest of the
/// library's sources at build time (computed by the SourceDigest plugin), so
/// any change to the code that trains is a different version. Sweep trials
/// are keyed on it: results of other code are never reused or merged.
public enum Version {
    public static let number = "0.2.0"
    public static let sourceDigest = BackpropExperiment.sourceDigest

    /// "0.2.0 (source 1a2b3c4d5e6f7a8b)" for the library's own components,
    /// and each plugin's digest after the library's when `catalog` has
    /// plugins: "0.2.0 (source 1a2b...; plugin lion-example 9f8e...)".
    public static func description(of catalog: Catalog) -> String {
        "\(number) (source \(sourceDigest)" + catalog.plugins.map { "; plugin \($0.name) \($0.sourceDigest)" }.joined() + ")"
    }
}
