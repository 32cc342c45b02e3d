import RenewalModel
import RenewalReports
import RenewalText

/// `c`: what changed since an earlier day, item by item under 新增逾期, 本期销号, 新完成, 变差, 变好,
/// each with both statuses; Enter opens the target's page, `p` changes the day compared with.
enum ChangesView {
    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        guard let changes = state.changes else { return }
        let counts = changes.groups.map { "\($0.kind.label(state.language)) \($0.items.count)" }
            .joined(separator: state.pick("，", ", "))
        painter.text(
            state.pick("与 \(changes.since) 相比（截至 \(changes.asOf)）：", "Since \(changes.since) (as of \(changes.asOf)): ")
                + (counts.isEmpty ? state.pick("没有状态变化", "nothing changed") : counts),
            x: 1, y: body.y, width: body.width - 2, style: theme.title)
        guard !changes.groups.isEmpty else {
            painter.text(
                state.pick(
                    "两个日期之间没有指标改变状态（p 改比较日期，t 改截至日期）。",
                    "No target changed status between the two days (p: another day to compare, t: the as-of date)."),
                x: 2, y: body.y + 2, width: body.width - 4, style: theme.muted)
            return
        }
        // Lines: group headings (not selectable) and items (selectable, in row order).
        var lines: [(heading: String?, item: StatusChanges.Item?, index: Int?)] = []
        var index = 0
        for group in changes.groups {
            lines.append(("【\(group.label)】 \(group.items.count)", nil, nil))
            for item in group.items {
                lines.append((nil, item, index))
                index += 1
            }
        }
        let selectedLine = lines.firstIndex { $0.index == min(state.selectedIndex, index - 1) } ?? 0
        let list = ListWidget(
            count: lines.count, selected: selectedLine, top: body.y + 1, height: body.height - 1, width: body.width)
        list.draw(&painter) { row, painter in
            let line = lines[row.index]
            guard let item = line.item else {
                painter.text(line.heading ?? "", x: 1, y: row.y, width: body.width - 2, style: theme.accent)
                return
            }
            var x = 3
            painter.text(item.id, x: x, y: row.y, width: 6, style: row.base)
            x += 7
            let transitionWidth = state.language == .zh ? 30 : 40
            let descWidth = max(8, body.width - x - transitionWidth - 2)
            painter.text(item.description, x: x, y: row.y, width: descWidth, style: row.base)
            x += descWidth + 1
            let spans: [(String, Style)] = [
                (
                    "\(theme.mark(item.before)) \(item.before.label(state.language))",
                    row.status(theme.style(for: item.before))
                ),
                (" → ", row.base),
                ("\(theme.mark(item.now)) \(item.now.label(state.language))", row.status(theme.style(for: item.now))),
            ]
            painter.spans(spans, x: x, y: row.y, width: body.width - x - 1)
        }
    }
}
