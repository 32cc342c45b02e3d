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
            if plan.target(id: trimmed) != nil { return [trimmed] }
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
        else {
            let typed = Quoted(item)
            let count = inputs.plan.measures.count
            throw CLIError(
                "没有 \(typed) 这一项：请用措施序号 1–\(count)（或 M04）、指标编号（M04-1）或总体目标编号（G25-1、G27-5）",
                "unknown item \(typed): use a measure number 1–\(count) (or M04), a target id (M04-1) "
                    + "or an overall target id (G25-1, G27-5)"
            )
        }
        if json { try JSONOutput.print(report) } else { Console.print(report.text()) }
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
