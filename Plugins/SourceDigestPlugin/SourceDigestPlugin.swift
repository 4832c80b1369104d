import Foundation
import PackagePlugin

/// Gives a target a digest of its own Swift sources, computed at build time:
/// the Backprop library's is `Version.sourceDigest`, a plugin's goes into its
/// `Plugin` (backprop exports this build plugin for them). A sweep's trials
/// are keyed on the digests, so results made by other code are never reused
/// or merged.
@main
struct SourceDigestPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("SourceDigest.swift")
        return [.buildCommand(
            displayName: "Digest of \(target.name)'s sources",
            executable: try context.tool(named: "source-digest").url,
            arguments: [output.path, target.directoryURL.path] + sources.map(\.path),
            inputFiles: sources,
            outputFiles: [output])]
    }
}
