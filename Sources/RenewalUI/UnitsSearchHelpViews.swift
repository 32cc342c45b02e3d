import RenewalModel
import RenewalText

/// Units with what they lead and share; Enter lists a unit's items.
enum UnitsView {
    /// The league table's light columns, in the order they are read.
    static let lights: [Light] = [.red, .yellow, .blue, .green, .purple]

    /// The style a light's count is drawn in: its status colour, muted when zero.
    static func style(_ light: Light, count: Int, _ theme: Theme) -> Style {
        guard count > 0 else { return theme.muted }
        switch light {
        case .red: return theme.style(for: .overdue)
        case .yellow: return theme.style(for: .behind)
        case .blue: return theme.style(for: .dueSoon)
        case .green: return theme.style(for: .onTrack)
        case .purple: return theme.style(for: .noReport)
        case .gray: return theme.style(for: .notStarted)
        }
    }

    static func sortName(_ sort: UnitSort, _ state: AppState) -> String {
        if let light = sort.light { return state.pick("按\(light.label(.zh))灯数", "by \(light.label(.en))") }
        switch sort {
        case .leads: return state.pick("按牵头事项数", "by items led")
        case .plan: return state.pick("按方案中的单位顺序", "in the plan's order")
        default: return state.pick("最差在前（红、黄、蓝、紫）", "worst first (red, yellow, blue, purple)")
        }
    }

    /// `d`: the league table. Each unit's led items counted by light (红 黄 蓝 绿 紫), what it shares,
    /// ranked worst first; `s` sorts by each column in turn (the cursor stays on its unit).
    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        let rows = state.unitRows
        painter.text(
            state.pick(
                "单位亮灯（\(rows.count) 个单位，\(sortName(state.unitSort, state))，s 切换排序）",
                "Units by light (\(rows.count), \(sortName(state.unitSort, state)); s sorts)"),
            x: 1, y: body.y, width: body.width - 2, style: theme.title)
        let column = state.language == .zh ? 5 : 6
        let nameWidth = max(20, body.width - 2 - (lights.count + 2) * (column + 1))
        var x = 1
        painter.text(state.pick("单位", "Unit"), x: x, y: body.y + 1, width: nameWidth, style: theme.muted)
        x += nameWidth + 1
        for title in lights.map({ $0.label(state.language) }) + [state.pick("牵头", "lead"), state.pick("参与", "share")] {
            painter.text(TextLayout.padLeft(title, to: column), x: x, y: body.y + 1, width: column, style: theme.muted)
            x += column + 1
        }
        let list = ListWidget(
            count: rows.count, selected: state.selectedIndex, top: body.y + 2, height: body.height - 2,
            width: body.width)
        list.draw(&painter) { line, painter in
            let row = rows[line.index]
            var x = 1
            painter.text(
                state.language == .zh ? row.unit.name : row.unit.nameEn, x: x, y: line.y, width: nameWidth,
                style: line.base)
            x += nameWidth + 1
            for light in lights {
                let count = row[light]
                painter.text(
                    TextLayout.padLeft("\(count)", to: column), x: x, y: line.y, width: column,
                    style: line.status(style(light, count: count, theme)))
                x += column + 1
            }
            for count in [row.leads, row.shares] {
                painter.text(
                    TextLayout.padLeft("\(count)", to: column), x: x, y: line.y, width: column, style: line.base)
                x += column + 1
            }
        }
    }

    /// A unit's page: what it leads, then what it shares, each worst first, with the figure, what
    /// was due, the deadline and a flag.
    static func drawItems(_ state: AppState, _ name: String, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        let items = state.unitPage(name)
        let display = state.data.plan.unitName(name, state.language)
        let led = items.filter(\.leads).count
        painter.text(
            state.pick(
                "\(display)：牵头 \(led) 项、参与 \(items.count - led) 项（最严重在前）",
                "\(display): leads \(led), shares \(items.count - led) (worst first)"),
            x: 1, y: body.y, width: body.width - 2, style: theme.title)
        let statusWidth = state.language == .zh ? 12 : 15
        let list = ListWidget(
            count: items.count, selected: state.selectedIndex, top: body.y + 2, height: body.height - 2,
            width: body.width)
        list.draw(&painter) { line, painter in
            let item = items[line.index]
            let y = line.y
            var x = 1
            painter.text(
                item.leads ? state.pick("牵头", "lead") : state.pick("参与", "shares"), x: x, y: y, width: 6,
                style: line.muted)
            x += 7
            painter.text(
                TargetText.statusText(item.status, state), x: x, y: y, width: statusWidth,
                style: line.status(theme.style(for: item.status)))
            x += statusWidth + 1
            let (id, text) = describe(item.row, state)
            painter.text(id, x: x, y: y, width: 6, style: line.base)
            x += 7
            var facts = ""
            if case let .target(targetId) = item.row, let target = state.data.target(targetId),
                let judged = state.data.evaluation.target(targetId)
            {
                if target.kind == .quantitative {
                    facts = UnitText.pair(judged.actual, judged.due, unit: target.entryUnit, state.language)
                }
                if let deadline = judged.deadline { facts += " " + deadline.description }
                facts += TargetText.flagFacts(judged.markers, state)
            }
            let factsWidth = facts.isEmpty ? 0 : min(34, max(0, body.width - x - 20))
            let descWidth = max(8, body.width - x - factsWidth - 2)
            painter.text(text, x: x, y: y, width: descWidth, style: line.base)
            if factsWidth > 0 { painter.text(facts, x: x + descWidth + 1, y: y, width: factsWidth, style: line.muted) }
        }
    }

    static func describe(_ row: RowRef, _ state: AppState) -> (String, String) {
        let plan = state.data.plan
        switch row {
        case let .target(id):
            return (id, state.data.target(id).map { TargetText.description($0, state) } ?? id)
        case let .measure(number):
            let measure = plan.measure(number: number)
            return (
                measure?.itemId ?? Measure.itemId(number),
                measure.map { state.language == .zh ? $0.heading(.zh) : $0.titleEn } ?? ""
            )
        case let .unit(name):
            return ("", plan.unitName(name, state.language))
        case let .programme(number):
            return ("", plan.programmes.first { $0.number == number }.map { state.pick($0.title, $0.titleEn) } ?? "")
        case .overallPanel:
            return ("", plan.overallHeadingText(state.language))
        case let .entry(id):
            return ("#" + id, "")
        case let .flag(id):
            let item = state.data.flags.first { $0.id == id }?.itemId ?? ""
            return (item, LedgerView.title(item, state))
        }
    }
}

/// Incremental search: the query line and the results, updated on every key.
enum SearchView {
    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        let spans: [(String, Style)] =
            [(state.pick(" 搜索：", " Search: "), theme.accent)]
            + state.searchField.spans(.bold, cursor: state.searchEditing)
        painter.spans(spans, x: 0, y: body.y, width: body.width)
        let results = state.searchResults
        let hint =
            state.searchQuery.isEmpty
            ? state.pick(
                "输入标题、条文、编号或单位名称（可输入中文），Enter 打开，Esc 返回",
                "Type a title, clause text, id or unit; Enter opens, Esc goes back")
            : state.pick("\(results.count) 条结果", "\(results.count) results")
        painter.text(hint, x: 1, y: body.y + 1, width: body.width - 2, style: theme.muted)
        let list = ListWidget(
            count: results.count, selected: state.searchEditing ? nil : state.selectedIndex, top: body.y + 2,
            height: body.height - 2, width: body.width)
        list.draw(&painter) { line, painter in
            let row = results[line.index]
            let y = line.y
            let base = line.base
            let kind: String
            switch row {
            case .measure: kind = state.pick("措施", "measure")
            case .target: kind = state.pick("指标", "target")
            case .unit: kind = state.pick("单位", "unit")
            default: kind = ""
            }
            painter.text(kind, x: 1, y: y, width: 8, style: line.muted)
            let (id, text) = UnitsView.describe(row, state)
            painter.text(id, x: 10, y: y, width: 6, style: base)
            painter.text(text, x: 17, y: y, width: body.width - 18, style: base)
        }
    }
}

/// Every key, from the keymap.
enum HelpView {
    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        painter.text(
            state.pick("按键说明（任意视图中按 ? 打开，Esc 返回）", "Keys (? anywhere, Esc to go back)"), x: 1, y: body.y,
            width: body.width - 2, style: theme.title)
        // Descriptions wrap under themselves, so nothing is cut at 80 columns.
        var lines: [HelpLine] = []
        let entries =
            Keymap.help(state.language).map { HelpLine(keys: $0.keys, text: $0.text) }
            + [HelpLine(keys: state.pick("输入文字时", "While typing"), text: TextField.help(state.language))]
            + StatusLegend.lines(state)
        // The left column is as wide as its widest entry (a third of the screen at most); the rest wraps.
        let keyWidth = min(body.width / 3, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let textX = 2 + keyWidth + 2
        let textWidth = max(10, body.width - textX - 1)
        for entry in entries {
            for (index, line) in TextLayout.wrap(entry.text, width: textWidth).enumerated() {
                lines.append(HelpLine(keys: index == 0 ? entry.keys : "", text: line, style: entry.style))
            }
        }
        let height = body.height - 2
        let scroll = min(state.scroll[.help] ?? 0, max(0, lines.count - height))
        for (offset, line) in lines.enumerated().dropFirst(scroll).prefix(height) {
            let y = body.y + 2 + offset - scroll
            painter.text(line.keys, x: 2, y: y, width: keyWidth, style: line.style ?? theme.accent)
            painter.text(line.text, x: textX, y: y, width: textWidth)
        }
    }
}
