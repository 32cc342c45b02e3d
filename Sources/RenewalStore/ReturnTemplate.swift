import Foundation
import RenewalModel

/// The return form a unit fills in each month: one row per target it leads (and per measure
/// without targets, for its narrative report), ids and descriptions filled in, figures blank.
/// The import reads it back as it is: the extra columns are ignored.
public enum ReturnTemplate {
    public static let header = [
        "指标编号", "指标名称", "目标值", "计量单位", "截止日期", "日期", "数值",
        "进展情况", "存在问题", "下步计划", "填报单位", "基数年份",
    ]

    /// Rows for `unit` (every target when nil), in plan order; after each target in
    /// `needingBaseline`, a row for its baseline (DESIGN §4: it cannot be judged without one).
    public static func rows(
        plan: Plan, unit: PlanUnit?, date: String, needingBaseline: Set<String> = []
    ) -> [[CSVExport.Cell]] {
        var rows: [[CSVExport.Cell]] = []
        func leads(_ names: [String]) -> Bool { unit.map { names.contains($0.name) } ?? true }
        let reporter = unit?.name ?? ""
        for target in plan.overallTargets where leads(plan.leadUnits(forTarget: target.id)) {
            rows.append(row(target, reporter: reporter, date: date))
            if needingBaseline.contains(target.id) { rows.append(baselineRow(target, plan: plan, reporter: reporter)) }
        }
        for measure in plan.measures where leads(measure.leadUnits) {
            if measure.targets.isEmpty {
                rows.append([
                    .text(measure.itemId), .text("（\(measure.number)）\(measure.title)：本月工作进展"),
                    .text("按月报送进展"), .text(""), .text(""), .text(date), .text(""),
                    .text(""), .text(""), .text(""), .text(reporter), .text(""),
                ])
            }
            for target in measure.targets {
                rows.append(row(target, reporter: reporter, date: date))
                if needingBaseline.contains(target.id) {
                    rows.append(baselineRow(target, plan: plan, reporter: reporter))
                }
            }
        }
        return rows
    }

    static func row(_ target: Target, reporter: String, date: String) -> [CSVExport.Cell] {
        let goal: String
        switch target.kind {
        case .milestone: goal = "里程碑：填“完成”或“推进中”"
        case .quantitative:
            var text = target.goalText(.zh)
            if target.recurrence == .annual {
                text += "（填本年累计）"
            } else if target.reading == .yearToDate {
                text += "（填本年累计）"
            } else if target.reading == .cumulative {
                text += "（填累计数）"
            }
            goal = text
        }
        return [
            .text(target.id), .text(target.description), .text(goal), .text(target.entryUnit ?? ""),
            .text(target.deadline?.description ?? "每年"), .text(date), .text(""),
            .text(""), .text(""), .text(""), .text(reporter), .text(""),
        ]
    }

    /// A baseline's row: the figure of the baseline year in 数值 and the year in 基数年份 (left
    /// blank, the row is skipped on import like any unfilled row).
    static func baselineRow(_ target: Target, plan: Plan, reporter: String) -> [CSVExport.Cell] {
        let year = plan.baselineYear(of: target)
        return [
            .text(target.id), .text(target.description + "（基数）"),
            .text("基数：在“数值”填\(year)年的数，在“基数年份”填\(year)"), .text(target.entryUnit ?? ""), .text(""),
            .text(""), .text(""), .text(""), .text(""), .text(""), .text(reporter), .text(""),
        ]
    }

    /// The whole form as CSV for Excel/WPS.
    public static func csv(plan: Plan, unit: PlanUnit?, date: String, needingBaseline: Set<String> = []) -> Data {
        CSVExport.encode(
            header: header, rows: rows(plan: plan, unit: unit, date: date, needingBaseline: needingBaseline))
    }
}
