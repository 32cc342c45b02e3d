import Foundation
import PackagePlugin

/// Embeds `Data/plan.json` into the target as a Swift string, so the `renewal` binary
/// carries the plan with it and works wherever it is copied.
///
/// The data stays a plain, diffable JSON file in `Data/`; SwiftPM reruns the embedding
/// whenever that file changes because it is declared as the command's input.
@main
struct EmbedPlan: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "Data").appending(path: "plan.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPlan.swift")
        return [
            .buildCommand(
                displayName: "Embedding Data/plan.json",
                executable: try context.tool(named: "EmbedResource").url,
                arguments: [input.path, output.path, "embeddedPlanJSON"],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
