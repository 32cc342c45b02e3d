import RenewalModel
import RenewalReports

/// The bulletin as a workbook (issue 22): 总体情况, 与上期相比, 逾期滞后及临期, 督办事项, 报送情况, each
/// with a title row, a frozen header repeated on every printed page, status cells filled in the
/// lights' colours (the mark in the text, so it prints in black and white), numbers as numbers and
/// dates as dates; 示例数据 on the first row of anything made from `--demo`.
public enum BulletinWorkbook {
    public static func make(_ bulletin: Bulletin, context: ReportContext) -> Workbook {
        let c = context
        let pick = c.language.pick
        let header = CellStyle(bold: true, fill: 0xEEEEEE, border: true, wrap: true)
        let body = CellStyle(border: true, wrap: true)
        let figure = CellStyle(border: true, numberFormat: "#,##0.##")
        let count = CellStyle(border: true, numberFormat: "0")
        let date = CellStyle(border: true, numberFormat: "yyyy-mm-dd")
        func status(_ status: Status) -> Cell {
            var style = body
            style.fill = CellStyle.fill(status.light)
            return .text("\(status.mark) \(status.label(c.language))", style)
        }
        func unit(_ name: String) -> String { name.isEmpty ? pick("总体目标", "Overall") : c.unitName(name) }
        /// A sheet: the title (and the sample banner) above the header, then the rows.
        func sheet(_ name: String, _ titleText: String, _ columns: [(String, Double)], _ rows: [[Cell]]) -> Sheet {
            var top: [[Cell]] = []
            if c.isSample {
                top.append([
                    .text(
                        pick(
                            "【示例数据】以下为虚构的示例数据，仅供演示，不代表实际进展。",
                            "[SAMPLE DATA] Fictional figures for demonstration only."),
                        CellStyle(bold: true, fill: 0xFFE699))
                ])
            }
            top.append([.text(titleText, CellStyle(bold: true, size: 14))])
            let headerRow = top.count
            let lines = top + [columns.map { .text($0.0, header) }] + rows
            return Sheet(
                name: name, rows: lines, columnWidths: columns.map(\.1), frozenRows: headerRow + 1,
                headerRow: headerRow,
                merges: (0..<headerRow).map { Sheet.Merge(row: $0, firstColumn: 0, lastColumn: columns.count - 1) })
        }
        let asOf = bulletin.asOf
        let title = bulletin.title + pick("（截至 \(asOf)）", " (as of \(asOf))")

        let situation = sheet(
            pick("总体情况", "Situation"), title,
            // Wide enough for the title merged across them.
            [
                (pick("状态", "Status"), 28), (pick("本期项数", "Now"), 20), (pick("上期项数", "Previous"), 20),
                (pick("增减", "Change"), 20),
            ],
            bulletin.situation.map { line in
                [
                    status(line.status), .number(Double(line.count), count), .number(Double(line.previous), count),
                    .number(Double(line.change), count),
                ]
            })

        let changes = sheet(
            pick("与上期相比", "Changes"),
            pick("与上期相比（\(bulletin.previousAsOf) 至 \(asOf)）", "Changes from \(bulletin.previousAsOf) to \(asOf)"),
            [
                (pick("变化", "Change"), 12), (pick("编号", "Id"), 8), (pick("事项", "Item"), 44),
                (pick("牵头单位", "Lead unit"), 18), (pick("上期", "Before"), 16), (pick("本期", "Now"), 16),
            ],
            bulletin.changes.items.map { kind, item in
                [
                    .text(kind.label(c.language), body), .text(item.id, body), .text(item.description, body),
                    .text(item.leadUnits.first.map { unit($0) } ?? "", body), status(item.before), status(item.now),
                ]
            })

        let late = sheet(
            pick("逾期滞后及临期", "Late and due soon"), pick("逾期、滞后及临期事项", "Overdue, lagging and due soon"),
            [
                (pick("牵头单位", "Lead unit"), 18), (pick("编号", "Id"), 8), (pick("指标", "Target"), 40),
                (pick("状态", "Status"), 16), (pick("目标", "Goal"), 16), (pick("应达", "Due"), 10),
                (pick("实际", "Actual"), 10), (pick("差距", "Gap"), 10), (pick("截止日期", "Deadline"), 12),
            ],
            bulletin.overdue.flatMap { group in
                group.items.map { row in
                    [
                        .text(unit(group.unit), body), .text(row.id, body), .text(row.description, body),
                        status(row.status), .text(row.goalText, body), .number(rounded(row.due), figure),
                        .number(row.actual, figure), .number(rounded(row.gap.flatMap { $0 > 0 ? $0 : nil }), figure),
                        .date(row.deadline, date),
                    ]
                }
            })

        let flags = sheet(
            pick("督办事项", "Flags"), pick("督办事项", "Flagged for supervision"),
            [
                (pick("编号", "Id"), 8), (pick("事项", "Item"), 36), (pick("牵头单位", "Lead units"), 20),
                (pick("状态", "Status"), 16), (pick("反馈情况", "Reply"), 18), (pick("督办日", "Flagged"), 12),
                (pick("反馈期限", "Reply by"), 12), (pick("督办要求", "Note"), 36), (pick("最近反馈", "Latest reply"), 36),
            ],
            bulletin.flagged.map { item in
                let reply = item.latestReply.map { reply in
                    let who = [reply.unit.map { c.unitName($0, short: true) }, Day.shown(timestamp: reply.at)]
                        .compactMap { $0 }.joined(separator: pick("，", ", "))
                    return pick("（\(who)）", "(\(who)) ") + reply.note
                }
                return [
                    .text(item.flag.itemId, body), .text(item.title, body),
                    .text(item.leadUnits.map { c.unitName($0, short: true) }.joined(separator: pick("、", ", ")), body),
                    status(item.status), .text(item.replyState, body),
                    .date(Day.shown(timestamp: item.flag.flaggedAt), date), .date(item.flag.followUp, date),
                    .text(item.flag.note, body), .text(reply ?? "", body),
                ]
            })

        let reporting = ReportingStatus(
            plan: c.plan, evaluation: c.evaluation, reports: LatestReport.from(c.entries, asOf: c.evaluation.asOf),
            language: c.language)
        let returns = sheet(
            pick("报送情况", "Reporting"),
            pick(
                "报送情况：\(reporting.periodStart) 至 \(reporting.periodEnd) 的报表，\(reporting.dueOn) 截止",
                "Reporting: the return for \(reporting.periodStart) to \(reporting.periodEnd), due \(reporting.dueOn)"),
            [
                (pick("单位", "Unit"), 30), (pick("本期", "Period"), 10), (pick("已报", "Filed"), 8),
                (pick("应报", "Asked"), 8), (pick("最近一次报送", "Last report"), 14),
            ],
            reporting.units.map { row in
                var state = body
                state.fill = CellStyle.fill(row.state == .complete ? .green : .purple)
                return [
                    .text(c.unitName(row.unit), body), .text(row.state.label(c.language), state),
                    .number(Double(row.filed), count), .number(Double(row.items), count), .date(row.lastReport, date),
                ]
            })
        return Workbook(sheets: [situation, changes, late, flags, returns])
    }

    /// A computed figure (what was due, a gap) at two decimals.
    static func rounded(_ value: Double?) -> Double? { value.map { ($0 * 100).rounded() / 100 } }
}
