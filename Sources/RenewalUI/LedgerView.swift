import RenewalModel
import RenewalText

/// `L`: the 督办台账 (DESIGN §5). Every flag open on the date judged, most urgent first, with its
/// state (待反馈, 已反馈, 超期未反馈 N 天, 逾期反馈), item, lead units, 督办 date and 反馈期限; below,
/// the selected flag's note and latest reply with the unit that gave it. Tab adds the closed ones;
/// Enter opens the item; `f` replies to or closes the flag.
enum LedgerView {
    /// Rows under the list for the selected flag's note, reply and closing.
    static let detailRows = 4

    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        let lines = state.ledgerLines
        let open = state.data.ledger.filter { $0.state != .closed }
        let unanswered = open.filter { if case .noReplyPastDue = $0.state { return true } else { return false } }
        painter.text(
            state.pick(
                "督办台账（截至 \(state.data.asOf)）：未办结 \(open.count) 项，其中超期未反馈 \(unanswered.count) 项"
                    + (state.ledgerShowsClosed ? "；含已办结" : "（Tab 显示已办结）"),
                "Supervision ledger (as of \(state.data.asOf)): \(open.count) open, "
                    + "\(unanswered.count) without a reply past due"
                    + (state.ledgerShowsClosed ? "; closed ones shown" : " (Tab shows closed ones)")),
            x: 1, y: body.y, width: body.width - 2, style: theme.title)
        guard !lines.isEmpty else {
            painter.text(
                state.pick("没有督办事项。", "No flags."), x: 2, y: body.y + 2, width: body.width - 4, style: theme.muted)
            return
        }
        let stateWidth = 16
        let leadWidth = 14
        let dateWidth = 10
        // Under 100 columns the 督办 date gives its room to the item (the detail below names it).
        let showsFlagged = body.width >= 100
        let dates = showsFlagged ? 2 : 1
        let titleWidth = max(8, body.width - 2 - stateWidth - 7 - leadWidth - dates * (dateWidth + 1) - 2)
        let columns: [(String, Int)] =
            [
                (state.pick("状态", "State"), stateWidth), (state.pick("编号", "Id"), 6),
                (state.pick("事项", "Item"), titleWidth), (state.pick("牵头单位", "Lead units"), leadWidth),
            ] + (showsFlagged ? [(state.pick("督办日", "Flagged"), dateWidth)] : [])
            + [(state.pick("反馈期限", "Reply by"), dateWidth)]
        var x = 1
        for (text, width) in columns {
            painter.text(text, x: x, y: body.y + 1, width: width, style: theme.muted)
            x += width + 1
        }
        let listHeight = max(1, body.height - 2 - detailRows)
        let list = ListWidget(
            count: lines.count, selected: state.selectedIndex, top: body.y + 2, height: listHeight, width: body.width)
        let plan = state.data.plan
        list.draw(&painter) { row, painter in
            let line = lines[row.index]
            var x = 1
            painter.text(
                TextLayout.truncate(line.state.shortLabel(state.language), to: stateWidth, ellipsis: true), x: x,
                y: row.y,
                width: stateWidth, style: row.status(UnitsView.style(line.state.light, count: 1, theme)))
            x += stateWidth + 1
            painter.text(line.flag.itemId, x: x, y: row.y, width: 6, style: row.base)
            x += 7
            painter.text(title(line.flag.itemId, state), x: x, y: row.y, width: titleWidth, style: row.base)
            x += titleWidth + 1
            let leads = plan.leadUnits(forItem: line.flag.itemId).map { plan.unitName($0, state.language, short: true) }
            painter.text(
                TextLayout.truncate(leads.joined(separator: "、"), to: leadWidth, ellipsis: true), x: x, y: row.y,
                width: leadWidth, style: row.muted)
            x += leadWidth + 1
            if showsFlagged {
                painter.text(
                    Day.shown(timestamp: line.flag.flaggedAt), x: x, y: row.y, width: dateWidth, style: row.muted)
                x += dateWidth + 1
            }
            painter.text(line.flag.followUp ?? "-", x: x, y: row.y, width: dateWidth, style: row.muted)
        }
        let selected = lines[min(max(0, state.selectedIndex), lines.count - 1)]
        detail(selected, state, &painter, top: body.y + 2 + listHeight, width: body.width)
    }

    /// The selected flag's note, its latest reply (or the report that answered it) and its closing.
    static func detail(_ line: FlagLedgerLine, _ state: AppState, _ painter: inout Painter, top: Int, width: Int) {
        let theme = state.theme
        let plan = state.data.plan
        painter.grid.fill(state.theme.ascii ? "-" : "─", x: 0, y: top, width: width, style: theme.muted)
        let raised = Day.shown(timestamp: line.flag.flaggedAt)
        var texts = [
            state.pick(
                "\(line.flag.itemId) \(line.state.label(state.language))；"
                    + "督办 #\(line.flag.id)（\(raised)，\(line.flag.flaggedBy)）：",
                "\(line.flag.itemId) \(line.state.label(state.language)); flag #\(line.flag.id) (\(raised), "
                    + "\(line.flag.flaggedBy)): ") + line.flag.note
        ]
        if let reply = line.latestReply {
            let who = [
                reply.unit.map { plan.unitName($0, state.language, short: true) }, Day.shown(timestamp: reply.at),
            ]
            .compactMap { $0 }.joined(separator: state.pick("，", ", "))
            texts.append(state.pick("最近反馈（\(who)）：", "Latest reply (\(who)): ") + reply.note)
        } else if let report = line.answeredByReport {
            texts.append(
                state.pick("以 \(report) 的报送作答，尚无书面反馈", "Answered by the report of \(report); no written reply"))
        } else {
            texts.append(state.pick("尚无反馈", "No reply yet"))
        }
        if let closing = line.flag.closingNote, line.state == .closed {
            texts.append(state.pick("办结：", "Closed: ") + closing)
        }
        // The note wraps into what the reply and the closing leave; each of those takes a line.
        let rows = detailRows - 1
        let noteLines = TextLayout.wrap(texts[0], width: width - 2)
        let keep = max(1, rows - (texts.count - 1))
        var shown = Array(noteLines.prefix(keep)).map { ($0, Style.plain) }
        if noteLines.count > keep, let last = shown.popLast() {
            shown.append((TextLayout.truncate(last.0 + noteLines[keep], to: width - 2, ellipsis: true), .plain))
        }
        shown += texts.dropFirst().map { (TextLayout.truncate($0, to: width - 2, ellipsis: true), theme.muted) }
        for (offset, (text, style)) in shown.prefix(rows).enumerated() {
            painter.text(text, x: 1, y: top + 1 + offset, width: width - 2, style: style)
        }
    }

    /// The flagged item's description or title.
    static func title(_ itemId: String, _ state: AppState) -> String {
        if let target = state.data.target(itemId) { return TargetText.description(target, state) }
        return state.data.plan.measure(itemId: itemId).map { state.pick($0.title, $0.titleEn) } ?? ""
    }
}
