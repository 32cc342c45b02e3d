import RenewalModel

/// The bulletin's items for a spreadsheet: not a printing of the document but one table with a
/// section column, one row per item, figures as numbers (Excel and WPS sort and sum them).
extension Bulletin {
    /// Header and rows for the CSV form: one table with a section column, for Excel/WPS.
    public func csvTable() -> (header: [String], rows: [[ReportCell]]) {
        let c = context
        // Every column holds what its header says (issue 21): the situation's counts have columns of
        // their own, 本期 before 上期 as the text says them.
        let header = c.pick(
            ["部分", "单位", "编号", "指标", "状态", "目标", "应达", "实际", "差距", "截止日期", "本期项数", "上期项数", "增减", "说明"],
            [
                "Section", "Unit", "Id", "Target", "Status", "Goal", "Due", "Actual", "Gap", "Deadline", "Now",
                "Previous", "Change", "Note",
            ])
        let none: [ReportCell] = [.number(nil), .number(nil), .number(nil)]
        var rows: [[ReportCell]] = []
        let sample = c.isSample ? c.pick("示例数据", "sample data") : ""
        for line in situation where line.count > 0 || line.previous > 0 {
            rows.append([
                .text(c.pick("总体情况", "Situation")), .text(""), .text(""), .text(""), .text(line.label),
                .text(""), .number(nil), .number(nil), .number(nil), .text(""),
                .number(Double(line.count)), .number(Double(line.previous)), .number(Double(line.change)),
                .text(c.pick("指标项数", "targets") + (sample.isEmpty ? "" : c.pick("；", "; ") + sample)),
            ])
        }
        for (kind, item) in changes.items {
            rows.append(
                [
                    .text(c.pick("与上期相比", "Change")), .text(item.leadUnits.first.map { c.unitName($0) } ?? ""),
                    .text(item.id),
                    .text(item.description), .text(item.now.label(c.language)), .text(""), .number(nil), .number(nil),
                    .number(nil),
                    .text(""),
                ] + none + [
                    .text(kind.label(c.language) + c.pick("：", ": ") + StatusChanges.transition(item, c.language))
                ])
        }
        for row in highlights {
            rows.append(
                [
                    .text(c.pick("工作亮点", "Highlight")), .text(row.leadUnits.first.map { c.unitName($0) } ?? ""),
                    .text(row.id),
                    .text(row.description), .text(row.statusLabel), .text(row.goalText), .number(figure(row.expected)),
                    .number(row.actual),
                    .number(nil), .text(row.deadline ?? ""),
                ] + none + [.text(sample)])
        }
        for group in overdue {
            for row in group.items {
                rows.append(
                    [
                        .text(c.pick("逾期滞后临期", "Overdue")),
                        .text(group.unit.isEmpty ? c.pick("总体目标", "Overall") : c.unitName(group.unit)),
                        .text(row.id), .text(row.description + period(row)), .text(row.statusLabel),
                        .text(row.goalText),
                        .number(figure(row.due)), .number(row.actual), .number(figure(row.gap)),
                        .text(row.deadline ?? ""),
                    ] + none + [.text(sample)])
            }
        }
        for item in flagged {
            rows.append(
                [
                    .text(c.pick("督办", "Flagged")), .text(item.leadUnits.first.map { c.unitName($0) } ?? ""),
                    .text(item.flag.itemId),
                    .text(item.title), .text(item.statusLabel), .text(""), .number(nil), .number(nil), .number(nil),
                    .text(item.flag.followUp ?? ""),
                ] + none + [.text(item.flag.note)])
        }
        for unit in notReported {
            rows.append(
                [
                    .text(c.pick("未报送", "Not reported")), .text(c.unitName(unit.unit)), .text(""), .text(""), .text(""),
                    .text(""), .number(nil), .number(nil), .number(nil), .text(""),
                ] + none + [
                    .text(
                        unit.lastReport.map { c.pick("最近一次报送 \($0)", "last report \($0)") }
                            ?? c.pick("从未报送", "never reported"))
                ])
        }
        return (header, rows)
    }

    /// A computed figure (what was due, a gap) at two decimals: 68.72, not 68.722467.
    func figure(_ value: Double?) -> Double? {
        value.map { ($0 * 100).rounded() / 100 }
    }
}
