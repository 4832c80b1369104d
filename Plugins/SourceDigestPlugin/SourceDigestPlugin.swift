import Foundation
import PackagePlugin

/// Gives a target a digest of its Swift sources and those of every target of
/// its package it depends on, computed at build time: BackpropExperiment's
/// (the code that trains, from Platform up) is `Version.sourceDigest`; a
/// plugin's goes into its `Plugin` (backprop exports this build plugin for
/// them; targets of other packages are left out). A sweep's trials are keyed
/// on the digests, so results made by other code are never reused or merged.
@main
struct SourceDigestPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let package = context.package.directoryURL.standardizedFileURL.path + "/"
        let targets = [target] + target.recursiveTargetDependencies.compactMap { $0 as? SourceModuleTarget }
            .filter { $0.directoryURL.standardizedFileURL.path.hasPrefix(package) }
        let sources = targets.flatMap { $0.sourceFiles(withSuffix: "swift").map(\.url) }.sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("SourceDigest.swift")
        return [.buildCommand(
            displayName: "Digest of \(target.name)'s sources and its package's targets below it",
            executable: try context.tool(named: "source-digest").url,
            arguments: [output.path, context.package.directoryURL.path] + sources.map(\.path),
            inputFiles: sources,
            outputFiles: [output])]
    }
}
