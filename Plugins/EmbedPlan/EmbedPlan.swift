import Foundation
import PackagePlugin

/// Embeds `Data/plan.json` and `Data/sample-progress.csv` into the target as Swift strings, and
/// the plan once more as Swift values, so the `renewal` binary carries the plan (and the demo
/// data) and works wherever it is copied.
///
/// The data stays plain, diffable files in `Data/`; SwiftPM reruns the embedding whenever a
/// file changes because each is declared as its command's input.
@main
struct EmbedPlan: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let data = context.package.directoryURL.appending(path: "Data")
        let tool = try context.tool(named: "EmbedResource").url
        let files = [
            ("plan.json", "embeddedPlanJSON", "EmbeddedPlan.swift"),
            ("sample-progress.csv", "embeddedSampleCSV", "EmbeddedSample.swift"),
        ]
        var commands: [Command] = files.map { file, constant, swiftFile in
            let input = data.appending(path: file)
            let output = context.pluginWorkDirectoryURL.appending(path: swiftFile)
            return .buildCommand(
                displayName: "Embedding Data/\(file)",
                executable: tool,
                arguments: [input.path, output.path, constant],
                inputFiles: [input],
                outputFiles: [output]
            )
        }
        // The plan once more, as Swift values: checked here, decoded by nothing at run time.
        let plan = data.appending(path: "plan.json")
        let values = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPlanValue.swift")
        commands.append(
            .buildCommand(
                displayName: "Compiling Data/plan.json into Swift values",
                executable: try context.tool(named: "PlanCodeGenerator").url,
                arguments: [plan.path, values.path],
                inputFiles: [plan],
                outputFiles: [values]
            ))
        return commands
    }
}
