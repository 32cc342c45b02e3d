import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalReports

/// `renewal overdue`: everything overdue or lagging, worst first, by lead unit.
struct OverdueCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "overdue",
            abstract: CommandLanguage.pick(
                "全部逾期、滞后和临期的指标，最严重的在前，按牵头单位分组。",
                "Every overdue, lagging or due-soon target, worst first, grouped by lead unit.")
        )
    }

    @OptionGroup var options: ReportOptions

    @Option(
        name: .long,
        help: .bilingual(
            "只看此单位（全称或简称，如 工信局）：它牵头和参与的事项。",
            "Only this unit (full or short name, e.g. 工信局); shows items it leads and shares."))
    var unit: String?

    @Flag(name: .long, help: .bilingual("输出 JSON。", "JSON instead of text."))
    var json = false

    func run() throws {
        let inputs = try options.load(detail: .judging, verdictsOnly: true)
        var selected: PlanUnit?
        if let unit {
            guard let found = inputs.plan.unit(named: unit.trimmingCharacters(in: .whitespaces)) else {
                let known = inputs.plan.units.map(\.short).joined(separator: "、")
                throw CLIError(
                    "没有名为 \(Quoted(unit)) 的单位；请用全称或简称：\(known)",
                    "unknown unit \(Quoted(unit)); use a full or short name: \(known)")
            }
            selected = found
        }
        let report = OverdueReport(context: inputs.context, unit: selected)
        if json { try JSONOutput.print(report) } else { Console.print(report.text()) }
        exitAfterReport()
    }
}
