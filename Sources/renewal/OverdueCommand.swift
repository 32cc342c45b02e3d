import ArgumentParser
import Foundation
import RenewalModel
import RenewalReports

/// `renewal overdue`: everything overdue or lagging, worst first, by lead unit.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "Every overdue or lagging target, worst first, grouped by lead unit."
    )

    @OptionGroup var options: ReportOptions

    @Option(name: .long, help: "Only this unit (full or short name, e.g. 工信局); shows items it leads and shares.")
    var unit: String?

    @Flag(name: .long, help: "JSON instead of text.")
    var json = false

    func run() throws {
        let inputs = try options.load(detail: .judging)
        var selected: PlanUnit?
        if let unit {
            guard let found = inputs.plan.unit(named: unit.trimmingCharacters(in: .whitespaces)) else {
                let known = inputs.plan.units.map(\.short).joined(separator: "、")
                throw CLIError("unknown unit \"\(unit)\"; use a full or short name: \(known)")
            }
            selected = found
        }
        let report = OverdueReport(context: inputs.context, unit: selected)
        if json { try JSONOutput.print(report) } else { print(report.text()) }
        exitAfterReport()
    }
}
