import ArgumentParser
import Foundation
import RenewalApp
import RenewalModel
import RenewalReports

/// `renewal show N`: one measure in full.
struct ShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: CommandLanguage.pick(
                "查看一条措施或一项指标的全部信息：条文、单位、指标状态和数据、报送记录",
                "One measure or target in full: clause, units, targets with status and figures, reports.")
        )
    }

    @Argument(
        help: .bilingual(
            "措施序号 1–34（或 M04），或指标编号（M04-1、G27-5）", "Measure number 1–34 (or M04), or a target id (M04-1, G27-5).",
            valueName: "item"))
    var item: String

    @OptionGroup var options: ReportOptions

    @Flag(name: .long, help: ArgumentHelp(CommandLanguage.pick("输出 JSON", "JSON instead of text.")))
    var json = false

    func run() throws {
        let trimmed = item.trimmingCharacters(in: .whitespaces).uppercased()
        // Only the shown items' entries are read (a province's store holds hundreds of thousands).
        let inputs = try options.load(only: { plan in
            if plan.target(id: trimmed) != nil { return Set(plan.seriesItems(of: trimmed)) }
            return Self.measureNumber(item, plan: plan).map { MeasureReport.items(number: $0, plan: plan) } ?? []
        })
        // A target id (overall or a measure's) gets the target's own page, as in the dashboard.
        if let target = inputs.plan.target(id: trimmed),
            let report = TargetReport(context: inputs.context, targetId: target.id)
        {
            if json { try JSONOutput.print(report) } else { Console.print(report.text()) }
            return
        }
        guard let number = Self.measureNumber(item, plan: inputs.plan),
            let report = MeasureReport(context: inputs.context, number: number)
        else { throw ItemReference.unknown(item, in: inputs.plan) }
        if json { try JSONOutput.print(report) } else { Console.print(report.text()) }
    }

    /// "4", "M04", "m4", "M04-1" (a target: its measure), a plan's own id (P2.1.3) → 4.
    static func measureNumber(_ text: String, plan: Plan) -> Int? {
        guard let itemId = ItemReference.resolve(text, plan: plan) else { return nil }
        return (plan.measure(itemId: itemId) ?? plan.measure(containingTarget: itemId))?.number
    }
}
