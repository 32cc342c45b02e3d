import RenewalModel

/// A unit's monthly return as a workbook (issue 22, item 1): a title row (plan, unit, period, the
/// day it is due), a frozen header, the cells to fill unlocked and the rest protected (no
/// password), a drop-down of the item's units for 填报单位, the date as a date defaulting to the
/// period's last day, a number checked as a number (a milestone: 推进中 / 完成), the item's last
/// figure and current light beside it, a row for each baseline still missing; then 填报说明.
///
/// The columns are the CSV return's, so a filled workbook imports like a filled CSV; the
/// reference columns after them (上次数值, 上次日期, 当前状态) are not read on import.
public enum TemplateWorkbook {
    public static let referenceHeader = ["上次数值", "上次日期", "当前状态"]

    /// - Parameters:
    ///   - evaluation: the plan judged today: each item's last figure and light.
    ///   - periodEnd: the last day of the month reported (the date cells' default).
    ///   - dueOn: the day the return is due.
    ///   - needingBaseline: targets whose baseline the store still lacks.
    public static func make(
        plan: Plan, unit: PlanUnit?, evaluation: PlanEvaluation, periodEnd: Day, dueOn: Day,
        needingBaseline: Set<String>, isSample: Bool
    ) -> Workbook {
        let header = CellStyle(bold: true, fill: 0xEEEEEE, border: true, wrap: true)
        let locked = CellStyle(border: true, wrap: true)
        let input = CellStyle(fill: 0xFFF9E0, border: true, wrap: true, unlocked: true)
        let dateInput = CellStyle(fill: 0xFFF9E0, border: true, unlocked: true, numberFormat: "yyyy-mm-dd")
        let numberInput = CellStyle(fill: 0xFFF9E0, border: true, unlocked: true, numberFormat: "General")
        let reference = CellStyle(fill: 0xF2F2F2, border: true, wrap: true)
        let columns = ReturnColumns.header + referenceHeader
        let widths: [Double] = [9, 36, 22, 9, 11, 12, 12, 30, 24, 24, 20, 9, 11, 11, 14]

        var rows: [[Cell]] = []
        if isSample {
            rows.append([
                .text("【示例数据】以下为虚构的示例数据，仅供演示，不代表实际进展。", CellStyle(bold: true, fill: 0xFFE699))
            ])
        }
        let who = unit?.name ?? "各单位"
        rows.append([
            .text(
                "\(plan.title)：\(who) \(periodEnd.year)年\(periodEnd.month)月进展填报表（请于 \(dueOn) 前报送）",
                CellStyle(bold: true, size: 13, wrap: true))
        ])
        let headerRow = rows.count
        rows.append(columns.map { .text($0, header) })
        var validations: [Validation] = []
        let reporter = unit?.name ?? ""

        func measure(_ id: String) -> Measure? { plan.measure(itemId: id) }
        func dateRule(_ row: Int) -> Validation {
            Validation(firstRow: row, lastRow: row, column: 5, rule: .date, message: "请填写日期，格式为 年-月-日")
        }
        func referenceCells(_ id: String) -> [Cell] {
            func light(_ status: Status) -> Cell {
                var style = reference
                style.fill = CellStyle.fill(status.light)
                return .text("\(status.mark) \(status.label(.zh))", style)
            }
            if let judged = evaluation.target(id) {
                let last: Cell =
                    judged.milestoneState.map { Cell.text($0.label(.zh), reference) }
                    ?? Cell.number(judged.actual, reference)
                return [last, .date(judged.actualDate?.description, reference), light(judged.status)]
            }
            if let measure = measure(id), let judged = evaluation.measure(measure.number) {
                return [.text("", reference), .text("", reference), light(judged.status)]
            }
            return [.text("", reference), .text("", reference), .text("", reference)]
        }
        func unitChoice(_ id: String, row: Int) {
            let units = plan.units(forItem: id)
            guard !units.isEmpty else { return }
            validations.append(
                Validation(
                    firstRow: row, lastRow: row, column: 10, rule: .list(units),
                    message: "请从下拉列表中选择本项的牵头或责任单位"))
        }

        for item in plan.returnItems(for: unit) {
            let row = rows.count
            switch item {
            case let .measure(measure):
                rows.append(
                    [
                        .text(measure.itemId, locked), .text("（\(measure.number)）\(measure.title)：本月工作进展", locked),
                        .text("按月报送进展", locked), .text("", locked), .text("", locked),
                        Cell(.date(periodEnd), dateInput), .text("", locked), .text("", input), .text("", input),
                        .text("", input), .text(reporter, input), .text("", locked),
                    ] + referenceCells(measure.itemId))
                validations.append(dateRule(row))
                unitChoice(measure.itemId, row: row)
            case let .target(target):
                let deadline: Cell = target.deadline.map { Cell(.date($0), locked) } ?? .text("每年", locked)
                rows.append(
                    [
                        .text(target.id, locked), .text(target.description, locked), .text(target.formGoal, locked),
                        .text(target.entryUnit ?? "", locked), deadline, Cell(.date(periodEnd), dateInput),
                        Cell(.empty, target.kind == .milestone ? input : numberInput), .text("", input),
                        .text("", input), .text("", input), .text(reporter, input), .text("", locked),
                    ] + referenceCells(target.id))
                validations.append(dateRule(row))
                validations.append(
                    target.kind == .milestone
                        ? Validation(
                            firstRow: row, lastRow: row, column: 6, rule: .list(["推进中", "完成"]),
                            message: "里程碑请选择“推进中”或“完成”")
                        : Validation(
                            firstRow: row, lastRow: row, column: 6, rule: .decimal(minimum: 0),
                            message: "请填写数字（不带单位、不带千位分隔符）"))
                unitChoice(target.id, row: row)
                if needingBaseline.contains(target.id) {
                    let baselineRow = rows.count
                    let year = plan.baselineYear(of: target)
                    rows.append(
                        [
                            .text(target.id, locked), .text(target.description + "（基数）", locked),
                            .text("基数：在“数值”填\(year)年的数，在“基数年份”选\(year)", locked),
                            .text(target.entryUnit ?? "", locked), .text("", locked), .text("", locked),
                            Cell(.empty, numberInput), .text("", locked), .text("", locked), .text("", locked),
                            .text(reporter, input), Cell(.empty, numberInput),
                        ] + [.text("", reference), .text("", reference), .text("", reference)])
                    validations.append(
                        Validation(
                            firstRow: baselineRow, lastRow: baselineRow, column: 6, rule: .decimal(minimum: 0),
                            message: "请填写数字（不带单位、不带千位分隔符）"))
                    validations.append(
                        Validation(
                            firstRow: baselineRow, lastRow: baselineRow, column: 11, rule: .list(["\(year)"]),
                            message: "基数年份为 \(year)"))
                    unitChoice(target.id, row: baselineRow)
                }
            }
        }
        let form = Sheet(
            name: "填报", rows: rows, columnWidths: widths, frozenRows: headerRow + 1, headerRow: headerRow,
            protected: true, validations: validations,
            merges: (0..<headerRow).map { Sheet.Merge(row: $0, firstColumn: 0, lastColumn: columns.count - 1) })
        let guide = [
            "填报说明",
            "1. 只需填写浅黄色单元格：日期、数值、进展情况、存在问题、下步计划、填报单位；其余单元格已锁定（无密码）。",
            "2. 日期默认为报送期最后一天（\(periodEnd)），格式为 年-月-日；数值只填数字，不带单位和千位分隔符。",
            "3. 里程碑类指标在“数值”中选择“推进中”或“完成”；无量化指标的措施只填进展情况。",
            "4. 数值的口径见“目标值”一列：注明“填累计数”的填累计值，注明“填本年累计”的填当年累计值。",
            "5. 标有“（基数）”的行请在“数值”填基数年份的实际数、在“基数年份”选择年份；不掌握的留空。",
            "6. 未填写的行导入时自动跳过；“上次数值”“上次日期”“当前状态”仅供参考，不会导入。",
            "7. 请于 \(dueOn) 前将本表报送专班（renewal import 文件名.xlsx 导入）。",
        ]
        let guideSheet = Sheet(
            name: "填报说明",
            rows: guide.enumerated().map { index, text in
                [.text(text, index == 0 ? CellStyle(bold: true, size: 13) : CellStyle(wrap: true))]
            }, columnWidths: [100], landscape: false)
        return Workbook(sheets: [form, guideSheet])
    }
}
