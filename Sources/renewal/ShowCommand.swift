import ArgumentParser
import Foundation
import RenewalModel
import RenewalReports

/// `renewal show N`: one measure in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One measure in full: clause, units, each target with its status and numbers, reports."
    )

    @Argument(help: "Measure number, 1–34 (also M04 or a target id such as M04-1).")
    var measure: String

    @OptionGroup var options: ReportOptions

    @Flag(name: .long, help: "JSON instead of text.")
    var json = false

    func run() throws {
        let inputs = try options.load()
        guard let number = Self.measureNumber(measure, plan: inputs.plan) else {
            throw CLIError("unknown measure \"\(measure)\"; the plan has measures 1–\(inputs.plan.measures.count)")
        }
        guard let report = MeasureReport(context: inputs.context, number: number) else {
            throw CLIError("unknown measure \(number)")
        }
        if json { try JSONOutput.print(report) } else { print(report.text()) }
    }

    /// "4", "M04", "m4", "M04-1" (a target: its measure) → 4.
    static func measureNumber(_ text: String, plan: Plan) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let target = plan.target(id: trimmed) { return plan.measure(containingTarget: target.id)?.number }
        let digits = trimmed.hasPrefix("M") ? String(trimmed.dropFirst()) : trimmed
        guard let number = Int(digits), plan.measure(number: number) != nil else { return nil }
        return number
    }
}
