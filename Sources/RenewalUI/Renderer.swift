import RenewalModel
import RenewalText

/// Renders the whole UI state into a grid: header, breadcrumb, the current screen, key bar.
public enum Renderer {
    public static func render(_ state: AppState) -> Grid {
        var painter = Painter(width: state.width, height: state.height, theme: state.theme)
        guard state.width > 0, state.height > 0 else { return painter.grid }
        if state.isTooSmall {
            tooSmall(state, &painter)
            return painter.grid
        }
        header(state, &painter)
        breadcrumb(state, &painter)
        let body = Body(x: 0, y: 2, width: state.width, height: Layout.bodyHeight(state.height))
        switch state.screen {
        case .overview: OverviewView.draw(state, &painter, body)
        case .overall: TargetListView.drawOverall(state, &painter, body)
        case let .programme(number): ProgrammeView.draw(state, number, &painter, body)
        case let .measure(number): MeasureView.draw(state, number, &painter, body)
        case let .target(id): TargetView.draw(state, id, &painter, body)
        case .overdue: OverdueView.draw(state, &painter, body)
        case .reporting: ReportingView.draw(state, &painter, body)
        case .changes: ChangesView.draw(state, &painter, body)
        case .units: UnitsView.draw(state, &painter, body)
        case let .unitItems(name): UnitsView.drawItems(state, name, &painter, body)
        case .search: SearchView.draw(state, &painter, body)
        case .ledger: LedgerView.draw(state, &painter, body)
        case .help: HelpView.draw(state, &painter, body)
        }
        if let form = state.form { FormView.draw(state, form, &painter, body) }
        bottom(state, &painter)
        if state.theme.ascii { painter.grid.makeASCII() }
        return painter.grid
    }

    /// The screen below 80×24: a clear message that still quits on q.
    static func tooSmall(_ state: AppState, _ painter: inout Painter) {
        let lines = [
            state.pick("终端太小", "Terminal too small"),
            "(need \(AppState.minimumWidth)x\(AppState.minimumHeight), have \(state.width)x\(state.height))",
            state.pick("请放大窗口，或按 q 退出", "Enlarge the window, or press q to quit"),
        ]
        let top = max(0, state.height / 2 - 1)
        for (index, line) in lines.enumerated() where top + index < state.height {
            let fitted = TextLayout.truncate(line, to: state.width)
            let x = max(0, (state.width - DisplayWidth.of(fitted)) / 2)
            painter.text(
                fitted, x: x, y: top + index, width: state.width - x, style: index == 0 ? state.theme.error : .plain)
        }
    }

    static func header(_ state: AppState, _ painter: inout Painter) {
        let theme = state.theme
        let width = state.width
        painter.grid.fill(" ", x: 0, y: 0, width: width, style: .plain)
        var right: [(String, Style)] = []
        let counts = state.data.evaluation.targetCounts
        // Counts in their status colours on the terminal's background: reversed, a gray or
        // dim status would be a blank block.
        for (status, count) in counts.nonZero {
            right.append((" \(theme.mark(status))\(count)", theme.style(for: status)))
        }
        let asOf = state.pick(" 截至 \(state.data.asOf) ", " as of \(state.data.asOf) ")
        let sample = state.data.isSample ? state.pick(" 示例数据 ", " SAMPLE DATA ") : ""
        let rightWidth =
            right.reduce(0) { $0 + DisplayWidth.of($1.0) } + DisplayWidth.of(asOf) + DisplayWidth.of(sample) + 1
        let title = state.pick(state.data.plan.title, state.data.plan.titleEn)
        let titleWidth = max(0, width - rightWidth - 1)
        // The title bar is reversed across its whole width, then the title is written into it.
        painter.grid.fill(" ", x: 0, y: 0, width: titleWidth, style: Style(bold: true, reverse: true))
        painter.text(" " + title, x: 0, y: 0, width: titleWidth, style: Style(bold: true, reverse: true))
        var x = max(titleWidth, width - rightWidth)
        x += painter.grid.put(asOf, x: x, y: 0, style: Style(bold: true))
        for (text, style) in right { x += painter.grid.put(text, x: x, y: 0, style: style) }
        if !sample.isEmpty { painter.grid.put(" " + sample, x: x, y: 0, style: theme.sample, maxWidth: width - x) }
    }

    static func breadcrumb(_ state: AppState, _ painter: inout Painter) {
        var parts = state.stack.map { crumb($0, state) }
        let separator = " \(state.theme.separator) "
        // Too wide: the earlier parts give way (cut, then ".."), so the page you are on is always
        // shown whole at the right end.
        let room = state.width - 2
        var index = 0
        while DisplayWidth.of(parts.joined(separator: separator)) > room, index < parts.count - 1 {
            let others = parts.enumerated().filter { $0.offset != index }.map { DisplayWidth.of($0.element) }
            let left = room - others.reduce(0, +) - DisplayWidth.of(separator) * (parts.count - 1)
            parts[index] = left >= 6 ? TextLayout.truncate(parts[index], to: left, ellipsis: true) : ".."
            index += 1
        }
        var text = parts.joined(separator: separator)
        // A "1" waiting for a second digit says so (it waits one second).
        if state.pendingDigit == 1 {
            // The second digits that reach a panel: as many as the plan has past the tenth.
            let extra = min(9, max(1, state.rows(for: .overview).count - 10))
            switch extra {
            case 1: text += state.pick("   1_（一秒内再按 1：第十一）", "   1_ (1 within a second: 11)")
            case 2: text += state.pick("   1_（一秒内再按 1 或 2：第十一、十二）", "   1_ (1 or 2 within a second: 11, 12)")
            default:
                let last = ChineseNumeral.of(10 + extra)
                text += state.pick(
                    "   1_（一秒内再按 1–\(extra)：第十一至第\(last)）", "   1_ (1–\(extra) within a second: 11–\(10 + extra))")
            }
        }
        painter.text(" " + text, x: 0, y: 1, width: state.width, style: state.theme.title)
    }

    static func crumb(_ screen: Screen, _ state: AppState) -> String {
        let plan = state.data.plan
        switch screen {
        case .overview: return state.pick("总览", "Overview")
        case .overall: return state.pick("总体目标", "Overall targets")
        case let .programme(number):
            guard let programme = plan.programmes.first(where: { $0.number == number }) else { return "?" }
            return state.pick(programme.title, programme.titleEn)
        case let .measure(number):
            guard let measure = plan.measure(number: number) else { return "?" }
            return measure.heading(state.language)
        case let .target(id): return id
        case .overdue: return state.pick("逾期滞后临期", "Overdue")
        case .reporting: return state.pick("报送情况", "Reporting")
        case .changes: return state.pick("与上期相比", "Changes")
        case .units: return state.pick("单位", "Units")
        case let .unitItems(name): return plan.unitName(name, state.language)
        case .search: return state.pick("搜索", "Search")
        case .ledger: return state.pick("督办台账", "Ledger")
        case .help: return state.pick("帮助", "Help")
        }
    }

    /// The last row: a prompt, a message, or the keys that work here.
    static func bottom(_ state: AppState, _ painter: inout Painter) {
        let y = state.height - 1
        let theme = state.theme
        painter.grid.fill(" ", x: 0, y: y, width: state.width)
        if let prompt = state.prompt {
            let label: String
            switch prompt.purpose {
            case let .flagNote(item): label = state.pick("督办 \(item)，说明：", "Flag \(item), note: ")
            case let .flagFollowUp(item, _): label = state.pick("督办 \(item)，反馈期限：", "Flag \(item), reply due by: ")
            case let .flagAction(item):
                label = state.pick(
                    "\(item) 督办中：r 记录反馈  c 办结销号  Esc 取消 ", "\(item) is flagged: r reply  c close  Esc cancel ")
            case let .replyUnit(item, units, chosen):
                let names = units.enumerated().map { index, unit in
                    let name = state.data.plan.unitName(unit, state.language, short: true)
                    return index == chosen ? "[\(name)]" : name
                }
                label =
                    state.pick(
                        "\(item) 反馈单位（←→ 选择，Enter 确定）：", "\(item) replying unit (Left/Right, Enter): ")
                    + names.joined(separator: " ")
            case let .reply(item, unit):
                let who = unit.map { state.data.plan.unitName($0, state.language, short: true) }
                label =
                    who.map { state.pick("\(item) \($0)的反馈：", "Reply on \(item) from \($0): ") }
                    ?? state.pick("\(item) 的反馈：", "Reply on \(item): ")
            case let .close(item): label = state.pick("办结 \(item)，说明：", "Close \(item), why: ")
            case let .remind(reminder):
                label = reminder.summary(state.language, done: false) + state.pick("，说明：", ", note: ")
            case let .remindFollowUp(reminder, _):
                label = reminder.summary(state.language, done: false) + state.pick("，反馈期限：", ", reply by: ")
            case let .returnToToday(intent):
                let what: String
                switch intent {
                case .flag: what = state.pick("督办", "A flag")
                case .record: what = state.pick("填报", "A report")
                case .correct: what = state.pick("更正", "A correction")
                case .remind: what = state.pick("催办", "A reminder")
                case .importFile: what = state.pick("导入", "An import")
                }
                // A past day's screen would not show a write of today; a future day's judges it
                // against periods not yet due.
                let past = state.data.asOf < state.data.today
                label = state.pick(
                    "正在查看 \(state.data.asOf)：\(what)一律记为今天（\(state.data.today)）"
                        + (past ? "，本页面不会显示。" : "。") + "Enter 回到今天继续  Esc 取消 ",
                    "Showing \(state.data.asOf): \(what) is recorded today (\(state.data.today))"
                        + (past ? " and would not show here. " : ". ") + "Enter: go to today and go on  Esc: cancel ")
            case .asOf: label = state.pick("截至日期 (YYYY-MM-DD)：", "As of (YYYY-MM-DD): ")
            case .changesSince: label = state.pick("与此日期相比 (YYYY-MM-DD)：", "Compare with (YYYY-MM-DD): ")
            case .importPath:
                label = state.pick("导入填好的报表（CSV 或 xlsx 文件路径）：", "Import a filled return (CSV or xlsx path): ")
            case .export: label = state.pick("导出到文件（.md、.csv 或 .xlsx）：", "Export to (.md, .csv or .xlsx): ")
            }
            var spans: [(String, Style)] = [(label, theme.accent)] + prompt.field.spans(.plain)
            if let error = prompt.error { spans.append(("  " + error, theme.error)) }
            // A long note wraps upwards over the view (up to six rows) instead of scrolling out of sight.
            let lines = Painter.wrap(spans, width: state.width)
            let shown = lines.suffix(6)
            for (offset, line) in shown.enumerated() {
                let row = y - shown.count + 1 + offset
                painter.grid.fill(" ", x: 0, y: row, width: state.width)
                painter.spans(line, x: 0, y: row, width: state.width)
            }
            return
        }
        if let message = state.message {
            painter.text(
                " " + message, x: 0, y: y, width: state.width, style: state.messageIsError ? theme.error : theme.accent)
            return
        }
        // When not every key fits, `?` and `q` stay (DESIGN §5) and the others are dropped from the end.
        let all = Keymap.bar(for: state)
        func width(_ entry: (keys: String, label: String)) -> Int { DisplayWidth.of(" \(entry.keys) \(entry.label) ") }
        let essential = all.filter { ["?", "q"].contains($0.keys) }
        var room = state.width - essential.reduce(0) { $0 + width($1) }
        var shown: [(keys: String, label: String)] = []
        for entry in all where !essential.contains(where: { $0.keys == entry.keys }) {
            if width(entry) > room { break }
            shown.append(entry)
            room -= width(entry)
        }
        var x = 0
        for (keys, label) in shown + essential {
            guard x + width((keys, label)) <= state.width else { break }
            x += painter.grid.put(" " + keys, x: x, y: y, style: Style(bold: true, reverse: true))
            x += painter.grid.put(" " + label + " ", x: x, y: y, style: .plain)
        }
    }
}

/// The area below the breadcrumb and above the key bar.
struct Body {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
}

/// Keeps a selected row visible: the first row to show for `selected` in a window of `height`.
func firstVisible(selected: Int, count: Int, height: Int) -> Int {
    guard height > 0, count > height else { return 0 }
    return min(max(0, selected - height / 2), count - height)
}

/// Shared pieces of target lines.
enum TargetText {
    static func quantity(_ value: Double?, _ target: Target?, _ state: AppState) -> String {
        guard let value else { return "-" }
        return UnitText.approximate(value, unit: target?.entryUnit, state.language)
    }

    static func statusText(_ status: Status, _ state: AppState) -> String {
        "\(state.theme.mark(status)) \(status.label(state.language))"
    }

    /// What a list row adds for a flag: " 督", and 超期未反馈 when its 反馈期限 passed unanswered.
    static func flagFacts(_ markers: [Marker], _ state: AppState) -> String {
        guard markers.contains(.flagged) else { return "" }
        let mark = state.pick(" 督", " F")
        return markers.contains(.followUpOverdue) ? mark + " " + Marker.followUpOverdue.label(state.language) : mark
    }

    static func markers(_ markers: [Marker], _ state: AppState) -> String {
        markers.map { "[\($0.label(state.language))]" }.joined(separator: " ")
    }

    /// A milestone's latest reported state (完成, 推进中), or 无报送.
    static func milestone(_ judged: TargetEvaluation, _ state: AppState) -> String {
        judged.milestoneState?.label(state.language) ?? state.pick("无报送", "no report")
    }

    static func description(_ target: Target, _ state: AppState) -> String {
        state.language == .zh ? target.description : target.descriptionEn
    }
}
