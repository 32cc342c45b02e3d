import Foundation
import RenewalModel

/// The return form a unit fills in each month: one row per target it leads (and per measure
/// without targets, for its narrative report), ids and descriptions filled in, figures blank.
/// The import reads it back as it is: the extra columns are ignored.
public enum ReturnTemplate {
    public static let header = ReturnColumns.header

    /// Rows for `unit` (every target when nil), in plan order; after each target in
    /// `needingBaseline`, a row for its baseline (DESIGN §4: it cannot be judged without one).
    public static func rows(
        plan: Plan, unit: PlanUnit?, date: String, needingBaseline: Set<String> = []
    ) -> [[CSVExport.Cell]] {
        var rows: [[CSVExport.Cell]] = []
        let reporter = unit?.name ?? ""
        for item in plan.returnItems(for: unit) {
            switch item {
            case let .measure(measure):
                rows.append([
                    .text(measure.itemId), .text("（\(measure.number)）\(measure.title)：本月工作进展"),
                    .text("按月报送进展"), .text(""), .text(""), .text(date), .text(""),
                    .text(""), .text(""), .text(""), .text(reporter), .text(""),
                ])
            case let .target(target):
                rows.append(row(target, reporter: reporter, date: date))
                if needingBaseline.contains(target.id) {
                    rows.append(baselineRow(target, plan: plan, reporter: reporter))
                }
            }
        }
        return rows
    }

    static func row(_ target: Target, reporter: String, date: String) -> [CSVExport.Cell] {
        let goal = target.formGoal
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
