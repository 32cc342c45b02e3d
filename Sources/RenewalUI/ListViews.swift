import RenewalModel
import RenewalText

/// A programme: its measures, with lead unit, status and a bar per target.
enum ProgrammeView {
    /// `M04-1 ███░  75% M04-2 ████  93% …`: one bar per quantitative target with its id, or with
    /// the id's last part (`-1`) when the full ids leave the bars no room.
    static func drawTargetBars(
        _ targets: [TargetEvaluation], _ state: AppState, _ painter: inout Painter, x: Int, y: Int, width: Int,
        base: Style
    ) {
        guard !targets.isEmpty else { return }
        let each = width / targets.count
        let pctWidth = 5
        // Full ids with bars; or the id's last part with bars; or, when even that leaves no bar,
        // the percents alone in their statuses' colours.
        let idText = { (id: String, full: Bool) in full ? id : String(id.drop { $0 != "-" }) }
        let fullIds = each - 1 - pctWidth - 7 >= 3
        if !fullIds && each - 1 - pctWidth - 3 < 2 {
            var spans: [(String, Style)] = []
            for judged in targets {
                let pct = judged.progress.map { NumberText.percent($0) } ?? "-"
                spans.append((pct + " ", state.theme.style(for: judged.status)))
            }
            painter.spans(spans, x: x, y: y, width: width)
            return
        }
        var bx = x
        for judged in targets {
            let id = idText(judged.targetId, fullIds)
            let idWidth = DisplayWidth.of(id) + 1
            let barWidth = min(10, each - 1 - pctWidth - idWidth)
            guard barWidth >= 2, bx + idWidth + barWidth + pctWidth <= x + width else { break }
            painter.text(id, x: bx, y: y, width: idWidth, style: base)
            painter.progressBar(
                judged.progress, x: bx + idWidth, y: y, width: barWidth, style: state.theme.style(for: judged.status))
            let pct = judged.progress.map { NumberText.percent($0) } ?? "-"
            painter.text(
                TextLayout.padLeft(pct, to: pctWidth), x: bx + idWidth + barWidth, y: y, width: pctWidth, style: base)
            bx += idWidth + barWidth + pctWidth + 1
        }
    }

    static func draw(_ state: AppState, _ number: Int, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        guard let programme = state.data.plan.programmes.first(where: { $0.number == number }),
            let judged = state.data.evaluation.programmes.first(where: { $0.number == number })
        else { return }
        // In English the Chinese heading follows: it is how the task force names the section.
        let title =
            state.language == .zh ? programme.heading(.zh) : programme.heading(.en) + "  " + programme.heading(.zh)
        painter.text(title, x: 1, y: body.y, width: body.width - 24, style: theme.title)
        painter.statusBar(judged.counts, x: body.width - 22, y: body.y, width: 20)
        // As wide as the programme's widest number (（三十四） is ten columns), so none is cut.
        let labelWidth =
            programme.measures.map { DisplayWidth.of($0.pathLabel(state.language)) }.max() ?? 4
        let leadWidth = state.language == .zh ? 12 : 16
        let statusWidth = state.language == .zh ? 15 : 20
        // On wide screens the bars get room for an id each (16 columns a target) and the titles the
        // rest, up to what they need; on narrow ones the titles get most of it.
        let available = body.width - labelWidth - leadWidth - statusWidth - 6
        let titleNeed = programme.measures.map { DisplayWidth.of(state.pick($0.title, $0.titleEn)) }.max() ?? 10
        let mostTargets =
            judged.measures.map { $0.targets.filter { state.data.target($0.targetId)?.kind == .quantitative }.count }
            .max() ?? 1
        let titleWidth =
            body.width >= 110
            ? max(min(titleNeed, 24), min(titleNeed, available - 16 * max(1, mostTargets)))
            : max(10, available - max(14, body.width / 4))
        let barsWidth = max(6, available - titleWidth)
        let headerY = body.y + 1
        var x = 1
        for (text, width) in [
            (state.pick("措施", "No."), labelWidth), (state.pick("名称", "Measure"), titleWidth),
            (state.pick("牵头单位", "Lead"), leadWidth), (state.pick("状态", "Status"), statusWidth),
            (state.pick("指标进度", "Targets"), barsWidth),
        ] {
            painter.text(text, x: x, y: headerY, width: width, style: theme.muted)
            x += width + 1
        }
        let top = body.y + 2
        let height = body.height - 2
        let selected = min(state.selectedIndex, max(0, programme.measures.count - 1))
        let list = ListWidget(
            count: programme.measures.count, selected: selected, top: top, height: height, width: body.width)
        list.draw(&painter) { line, painter in
            let measure = programme.measures[line.index]
            guard let m = state.data.evaluation.measure(measure.number) else { return }
            let y = line.y
            let base = line.base
            var x = 1
            painter.text(
                measure.pathLabel(state.language), x: x, y: y, width: labelWidth, style: base
            )
            x += labelWidth + 1
            painter.text(
                state.pick(measure.title, measure.titleEn), x: x, y: y, width: titleWidth,
                style: line.isSelected ? Style(bold: true, reverse: true) : .bold)
            x += titleWidth + 1
            let lead = measure.leadUnits.map { state.data.plan.unitName($0, state.language, short: true) }.joined(
                separator: "、")
            painter.text(lead, x: x, y: y, width: leadWidth, style: base)
            x += leadWidth + 1
            let statusStyle = line.status(theme.style(for: m.status))
            var statusText = TargetText.statusText(m.status, state)
            // The status column is narrow: 督 only (the measure's page, `o`, the unit page and the
            // ledger name 超期未反馈).
            if m.markers.contains(.flagged) { statusText += state.pick(" 督", " F") }
            painter.text(statusText, x: x, y: y, width: statusWidth, style: statusStyle)
            x += statusWidth + 1
            // One mini bar per quantitative target; milestones and narrative show their state.
            let quantitative = m.targets.filter { state.data.target($0.targetId)?.kind == .quantitative }
            if quantitative.isEmpty {
                let text = m.targets.isEmpty ? state.pick("按月报送", "monthly report") : state.pick("里程碑", "milestone")
                painter.text(text, x: x, y: y, width: barsWidth, style: line.muted)
            } else {
                drawTargetBars(quantitative, state, &painter, x: x, y: y, width: barsWidth, base: base)
            }
        }
        // The room below the list previews the selected measure.
        let used = min(height, programme.measures.count)
        let previewTop = top + used + 1
        let previewHeight = body.y + body.height - previewTop
        if previewHeight >= 4, programme.measures.indices.contains(selected) {
            let measure = programme.measures[selected]
            painter.grid.fill(
                Character(theme.horizontal), x: 1, y: previewTop, width: body.width - 2, style: theme.chrome)
            var y = previewTop + 1
            let unitNames = { (names: [String]) -> String in
                names.map { state.data.plan.unitName($0, state.language) }.joined(separator: state.pick("、", "; "))
            }
            var lines: [(String, Style)] = [
                (measure.fullHeading(state.language), theme.title),
                (state.pick("牵头单位：", "Lead: ") + unitNames(measure.leadUnits), .plain),
            ]
            if !measure.responsibleUnits.isEmpty {
                lines.append((state.pick("责任单位：", "Responsible: ") + unitNames(measure.responsibleUnits), .plain))
            }
            for line in TextLayout.wrap(measure.text, width: body.width - 4) { lines.append((line, theme.muted)) }
            for (text, style) in lines where y < body.y + body.height {
                painter.text(text, x: 2, y: y, width: body.width - 4, style: style)
                y += 1
            }
        }
    }
}

/// Everything overdue or lagging, worst first, grouped by lead unit.
enum OverdueView {
    /// The two tabs as a header: the one shown reversed, each with its count; Tab switches.
    static func tabs(_ state: AppState, _ painter: inout Painter, _ body: Body, late: Int) {
        let theme = state.theme
        let window = StatusRules.standard.dueSoonDays
        let tabs: [(OverdueTab, String)] = [
            (.late, state.pick(" 逾期、滞后及临期 \(late) 项 ", " Late and due soon: \(late) ")),
            (
                .dueSoon,
                state.data.dueSoon.contains { $0.markers.contains(.awaitingFinal) }
                    ? state.pick(
                        " \(window) 天内到期及待报终值 \(state.data.dueSoon.count) 项 ",
                        " Due within \(window) days or awaiting the final return: \(state.data.dueSoon.count) ")
                    : state.pick(
                        " \(window) 天内到期 \(state.data.dueSoon.count) 项 ",
                        " Due within \(window) days: \(state.data.dueSoon.count) ")
            ),
        ]
        var spans: [(String, Style)] = [(" ", .plain)]
        for (tab, label) in tabs {
            spans.append((label, tab == state.overdueTab ? Style(bold: true, reverse: true) : theme.muted))
            spans.append(("  ", .plain))
        }
        spans.append((state.pick("（Tab 切换）", "(Tab switches)"), theme.muted))
        painter.spans(spans, x: 0, y: body.y, width: body.width)
    }

    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        let groups = state.overdueGroups
        let total = Set(groups.flatMap { $0.items.map(\.targetId) }).count
        tabs(state, &painter, body, late: total)
        if state.overdueTab == .dueSoon {
            drawDueSoon(state, &painter, body)
            return
        }
        guard total > 0 else {
            painter.text(
                state.pick("没有逾期、滞后或临期的事项。", "Nothing is overdue, lagging or due soon."), x: 2, y: body.y + 2,
                width: body.width - 4)
            return
        }
        // Lines: group headers (not selectable) and items (selectable, in row order).
        var lines: [(text: String, item: TargetEvaluation?, itemIndex: Int?)] = []
        var itemIndex = 0
        for group in groups {
            let name =
                group.unit.isEmpty
                ? state.pick("总体目标（未指定牵头单位）", "Overall targets (no lead unit)")
                : state.data.plan.unitName(group.unit, state.language)
            lines.append(("【\(name)】 \(group.items.count)", nil, nil))
            for item in group.items {
                lines.append(("", item, itemIndex))
                itemIndex += 1
            }
        }
        let selected = min(state.selectedIndex, itemIndex - 1)
        let selectedLine = lines.firstIndex { $0.itemIndex == selected } ?? 0
        let list = ListWidget(
            count: lines.count, selected: selectedLine, top: body.y + 2, height: body.height - 2, width: body.width)
        // The figures' column fits the lines on screen (thousands of items at province scale).
        let shown = lines[list.visible]
        let columns = Columns(
            state, x: 3, width: body.width, items: shown.compactMap(\.item), figures: { ($0.actual, $0.due) })
        columns.header(state, &painter, y: body.y + 1, figures: state.pick("实际/应达", "actual/due"))
        list.draw(&painter) { row, painter in
            let line = lines[row.index]
            guard let judged = line.item else {
                painter.text(line.text, x: 1, y: row.y, width: body.width - 2, style: theme.accent)
                return
            }
            columns.draw(judged, figures: (judged.actual, judged.due), state, &painter, row)
        }
    }

    /// The columns of a late or due-soon item, shared by both tabs and their header: status, id,
    /// what it asks, the figures (right-aligned, as wide as the widest), the deadline, the flag.
    /// The description takes what is left, so the deadline is never cut.
    struct Columns {
        var status: Int
        var statusWidth: Int
        var id: Int
        var description: Int
        var descriptionWidth: Int
        var figures: Int
        var figuresWidth: Int
        var deadline: Int
        var flag: Int

        init(
            _ state: AppState, x: Int, width: Int, items: [TargetEvaluation],
            figures pair: (TargetEvaluation) -> (Double?, Double?)
        ) {
            status = x
            statusWidth = state.language == .zh ? 12 : 17
            id = status + statusWidth + 1
            description = id + 7
            let texts = items.map { Self.figureText($0, pair($0), state) }
            figuresWidth = min(
                24, max(DisplayWidth.of(state.pick("实际/应达", "actual/due")), texts.map(DisplayWidth.of).max() ?? 0))
            flag = width - 3
            deadline = flag - 11
            figures = deadline - 1 - figuresWidth
            descriptionWidth = max(4, figures - 1 - description)
        }

        static func figureText(_ judged: TargetEvaluation, _ pair: (Double?, Double?), _ state: AppState) -> String {
            guard let target = state.data.target(judged.targetId), target.kind == .quantitative else { return "" }
            return UnitText.pair(pair.0, pair.1, unit: target.entryUnit, state.language)
        }

        func header(_ state: AppState, _ painter: inout Painter, y: Int, figures label: String) {
            let style = state.theme.muted
            painter.text(state.pick("状态", "Status"), x: status, y: y, width: statusWidth, style: style)
            painter.text(state.pick("编号", "Id"), x: id, y: y, width: 6, style: style)
            painter.text(state.pick("事项", "Target"), x: description, y: y, width: descriptionWidth, style: style)
            painter.text(
                TextLayout.padLeft(label, to: figuresWidth), x: figures, y: y, width: figuresWidth, style: style)
            painter.text(state.pick("截止", "Deadline"), x: deadline, y: y, width: 10, style: style)
        }

        func draw(
            _ judged: TargetEvaluation, figures pair: (Double?, Double?), _ state: AppState, _ painter: inout Painter,
            _ row: ListWidget.Line
        ) {
            guard let target = state.data.target(judged.targetId) else { return }
            let y = row.y
            painter.text(
                TargetText.statusText(judged.status, state), x: status, y: y, width: statusWidth,
                style: row.status(state.theme.style(for: judged.status)))
            painter.text(target.id, x: id, y: y, width: 6, style: row.base)
            var text = TargetText.description(target, state)
            if let year = judged.year, target.reading == .yearToDate { text += state.pick("（\(year)年度）", " (\(year))") }
            // 超期未反馈 shows wherever 督办 does (DESIGN §4), first so a narrow column keeps it.
            if judged.markers.contains(.followUpOverdue) {
                text = "[\(Marker.followUpOverdue.label(state.language))] " + text
            }
            painter.text(text, x: description, y: y, width: descriptionWidth, style: row.base)
            painter.text(
                TextLayout.padLeft(Self.figureText(judged, pair, state), to: figuresWidth), x: figures, y: y,
                width: figuresWidth, style: row.base)
            painter.text(judged.deadline?.description ?? "", x: deadline, y: y, width: 10, style: row.muted)
            if judged.markers.contains(.flagged) {
                painter.text(state.pick("督", "F"), x: flag, y: y, width: 2, style: row.status(state.theme.accent))
            }
        }
    }
}

extension OverdueView {
    /// Everything not done whose deadline falls within the window, the nearest first: days left,
    /// status, id, what it asks, where it stands, the deadline.
    static func drawDueSoon(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        let items = state.data.dueSoon
        guard !items.isEmpty else {
            painter.text(
                state.pick(
                    "\(StatusRules.standard.dueSoonDays) 天内没有到期而未完成的事项。",
                    "Nothing unfinished is due within \(StatusRules.standard.dueSoonDays) days."),
                x: 2, y: body.y + 2, width: body.width - 4)
            return
        }
        let list = ListWidget(
            count: items.count, selected: state.selectedIndex, top: body.y + 2, height: body.height - 2,
            width: body.width)
        let shown = Array(items[list.visible])
        let columns = Columns(state, x: 10, width: body.width, items: shown, figures: { ($0.actual, $0.goal) })
        painter.text(
            TextLayout.padLeft(state.pick("剩余", "left"), to: 8), x: 1, y: body.y + 1, width: 8, style: theme.muted)
        columns.header(state, &painter, y: body.y + 1, figures: state.pick("实际/目标", "actual/goal"))
        list.draw(&painter) { line, painter in
            let judged = items[line.index]
            guard let deadline = judged.deadline else { return }
            let days = state.data.asOf.days(to: deadline)
            // Past its deadline only while the final return is awaited (待报终值).
            let left =
                days < 0
                ? Marker.awaitingFinal.label(state.language)
                : days == 0 ? state.pick("今天到期", "today") : state.pick("剩\(days)天", "\(days) days")
            painter.text(
                TextLayout.padLeft(left, to: 8), x: 1, y: line.y, width: 8,
                style: line.status(theme.style(for: .dueSoon)))
            columns.draw(judged, figures: (judged.actual, judged.goal), state, &painter, line)
        }
    }
}
