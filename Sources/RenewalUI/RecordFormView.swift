import RenewalModel
import RenewalText

/// The record form (`u`) and the correction form (`e`), drawn over the body: what the item asks
/// and how it is read, the last report, the period due, then the fields.
enum FormView {
    static func draw(_ state: AppState, _ form: RecordForm, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        let width = min(body.width - 2, 96)
        let context = contextLines(state, form)
        // Errors in red, the date's question in the accent colour, each wrapped to the form's width.
        let messages: [(text: String, isWarning: Bool)] =
            (form.errors.map { ($0, false) } + (form.warning.map { [($0, true)] } ?? [])).flatMap { message in
                TextLayout.wrap(message.0, width: width - 4).map { ($0, message.1) }
            }
        let labelWidth = state.language == .zh ? 12 : 14
        let room = width - labelWidth - 5
        // Narratives wrap (up to `narrativeRows` rows each) instead of scrolling sideways.
        let rows = form.fields.map { rowCount($0, form, width: room) }
        let height = min(body.height, 4 + context.count + rows.reduce(0, +) + messages.count)
        let x = (body.width - width) / 2
        let y = body.y + max(0, (body.height - height) / 2)
        // The form covers whole rows, so nothing underneath shows beside it.
        for row in y..<(y + height) { painter.grid.fill(" ", x: 0, y: row, width: body.width) }
        let target = state.data.target(form.itemId)
        let what = target.map { TargetText.description($0, state) } ?? ""
        let title =
            form.corrects.map { state.pick("更正记录 #\($0.id)：", "Correct entry #\($0.id): ") }
            ?? state.pick("填报进展：", "Record progress: ")
        painter.box(
            x: x, y: y, width: width, height: height, title: title + form.itemId + " " + what, style: theme.accent,
            titleStyle: Style(bold: true, reverse: true))
        let valueX = x + 2 + labelWidth + 1
        var row = y + 1
        for (label, text) in context where row < y + height - 1 {
            painter.text(label, x: x + 2, y: row, width: labelWidth, style: theme.muted)
            painter.text(text, x: valueX, y: row, width: room, style: theme.muted)
            row += 1
        }
        for (field, count) in zip(form.fields, rows) where row < y + height - 1 {
            let active = form.field == field
            painter.text(
                label(field, form, state), x: x + 2, y: row, width: labelWidth,
                style: active ? theme.accent : theme.muted)
            if count > 1 || isNarrative(field) {
                drawWrapped(
                    field, form, &painter, x: valueX, y: row, width: room, rows: min(count, y + height - 1 - row),
                    active: active)
            } else {
                drawValue(field, form, state, &painter, x: valueX, y: row, width: room, active: active)
            }
            row += count
        }
        for message in messages where row < y + height - 2 {
            painter.text(
                message.text, x: x + 2, y: row, width: width - 4, style: message.isWarning ? theme.accent : theme.error)
            row += 1
        }
        painter.text(
            state.pick(
                "Tab/↓ 下一项  Enter 下一项（末项保存）  ←/→ 切换选项  Esc 取消  * 必填",
                "Tab next  Enter next (saves at end)  ←/→ choose  Esc cancel  * required"),
            x: x + 2, y: y + height - 2, width: width - 4, style: theme.muted)
    }

    /// The most rows a narrative field takes; longer text shows its end, where the cursor is.
    static let narrativeRows = 3

    static func isNarrative(_ field: RecordForm.Field) -> Bool {
        [.progress, .problems, .next, .reason].contains(field)
    }

    /// How many rows `field` takes in a form whose values are `width` columns wide.
    static func rowCount(_ field: RecordForm.Field, _ form: RecordForm, width: Int) -> Int {
        guard isNarrative(field), width > 2 else { return 1 }
        let text = form.values[field] ?? TextField()
        let lines = Painter.wrap(text.spans(.plain, cursor: form.field == field), width: width - 1).count
        return min(narrativeRows, max(1, lines))
    }

    /// A narrative wrapped by width on up to `rows` rows (its last ones when longer: the cursor's).
    static func drawWrapped(
        _ field: RecordForm.Field, _ form: RecordForm, _ painter: inout Painter, x: Int, y: Int, width: Int,
        rows: Int, active: Bool
    ) {
        let text = form.values[field] ?? TextField()
        let lines = Painter.wrap(text.spans(Style(bold: active, underline: true), cursor: active), width: width - 1)
        for (offset, line) in lines.suffix(max(1, rows)).enumerated() {
            painter.grid.fill(" ", x: x, y: y + offset, width: width, style: Style(underline: true))
            painter.spans(line, x: x, y: y + offset, width: width)
        }
    }

    static func label(_ field: RecordForm.Field, _ form: RecordForm, _ state: AppState) -> String {
        switch field {
        case .unit: return state.pick("填报单位", "Unit")
        case .value:
            return form.isMilestone ? state.pick("状态", "State") : state.pick("数值", "Value")
        case .date: return state.pick("日期", "Date")
        case .progress: return state.pick("进展情况 *", "Progress *")
        case .problems: return state.pick("存在问题", "Problems")
        case .next: return state.pick("下步计划", "Next steps")
        case .reason: return state.pick("更正原因 *", "Reason *")
        }
    }

    /// A choice shows `‹ 市农业农村局 ›`; text shows its end when long, with the cursor.
    static func drawValue(
        _ field: RecordForm.Field, _ form: RecordForm, _ state: AppState, _ painter: inout Painter, x: Int, y: Int,
        width: Int, active: Bool
    ) {
        let isChoice = field == .unit || (field == .value && form.isMilestone)
        if isChoice {
            let text =
                field == .unit
                ? form.chosenUnit.map { state.data.plan.unitName($0, state.language) } ?? "-"
                : (MilestoneState(text: form[.value]) ?? .inProgress).label(state.language)
            let count = field == .unit ? form.units.count : 2
            let shown = count > 1 ? "‹ \(text) ›" : text
            painter.text(shown, x: x, y: y, width: width, style: Style(bold: active, reverse: active))
            return
        }
        // A figure gets a short box with its unit after it (台（套）, %, 亿元).
        var width = width
        if field == .value {
            width = min(width, 20)
            if let unit = state.data.target(form.itemId)?.entryUnit {
                painter.text(
                    UnitText.localized(unit, state.language).trimmingSpaces, x: x + width + 1, y: y, width: 20,
                    style: state.theme.muted)
            }
        }
        painter.grid.fill(" ", x: x, y: y, width: width, style: Style(underline: true))
        let text = form.values[field] ?? TextField()
        // Long text drops characters from its start until the cursor's part fits.
        var spans = text.spans(Style(bold: active, underline: true), cursor: active)
        while spans.reduce(0, { $0 + DisplayWidth.of($1.0) }) > width - 1, !spans[0].0.isEmpty {
            spans[0].0.removeFirst()
        }
        painter.spans(spans, x: x, y: y, width: width)
    }

    /// What the clerk needs to fill the form in right: how the target is read, the last report,
    /// and the period whose return is due (or, for a correction, the entry corrected).
    static func contextLines(_ state: AppState, _ form: RecordForm) -> [(String, String)] {
        var lines: [(String, String)] = []
        let target = state.data.target(form.itemId)
        if let target {
            lines.append(
                (
                    state.pick("口径", "Reading"),
                    target.readingLabel(state.language) + state.pick("，目标 ", "; goal ")
                        + target.goalText(state.language)
                ))
        }
        if let entry = form.corrects ?? form.lastReport {
            var text = entry.date.description
            if let value = entry.value { text += " " + TargetText.quantity(value, target, state) }
            if let milestone = entry.milestone, target != nil { text += " " + milestone.label(state.language) }
            if let unit = entry.reportingUnit {
                text += "  " + state.data.plan.unitName(unit, state.language, short: true)
            }
            lines.append(
                (form.corrects == nil ? state.pick("上次报送", "Last report") : state.pick("原记录", "Original"), text))
        } else {
            lines.append((state.pick("上次报送", "Last report"), state.pick("尚无报送", "none yet")))
        }
        if form.corrects == nil {
            let due = state.filingDay.lastDue
            lines.append(
                (
                    state.pick("报送期", "Period"),
                    state.pick(
                        "上一报送期为 \(due.year) 年 \(due.month) 月（截至 \(due.description) 的数据）",
                        "the last due period is \(due.year)-\(String(format: "%02d", due.month)) "
                            + "(figures as of \(due.description))"
                    )
                ))
        }
        return lines
    }
}
