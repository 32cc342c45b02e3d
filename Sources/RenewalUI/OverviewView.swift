import RenewalModel
import RenewalText

/// A panel per programme (and one for the overall targets), flowing into as many columns as fit.
enum OverviewView {
    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let columns = Layout.overviewColumns(width: body.width)
        let panels = state.rows(for: .overview)
        let panelRows = (panels.count + columns - 1) / columns
        let panelHeight = max(3, min(maxPanelHeight(state), body.height / max(1, panelRows)))
        let visibleRows = max(1, body.height / panelHeight)
        let selected = min(state.selectedIndex, panels.count - 1)
        let firstRow = firstVisible(selected: selected / columns, count: panelRows, height: visibleRows)
        for (index, panel) in panels.enumerated() {
            let row = index / columns - firstRow
            let column = index % columns
            guard row >= 0, row < visibleRows else { continue }
            let x = body.x + column * (body.width / columns)
            let width = column == columns - 1 ? body.width - column * (body.width / columns) : body.width / columns
            let y = body.y + row * panelHeight
            drawPanel(
                panel, state, &painter, x: x, y: y, width: width, height: panelHeight, selected: index == selected)
        }
        if firstRow + visibleRows < panelRows {
            painter.text(
                state.pick("[更多]", "[more]"), x: body.width - 8, y: body.y + body.height - 1, width: 8,
                style: state.theme.muted)
        }
    }

    /// Enough lines for the panel with the most lines (borders, bar and summary, then its lines).
    static func maxPanelHeight(_ state: AppState) -> Int { 4 + state.data.mostPanelLines }

    /// One line of a panel: a target (with a bar when it has a figure) or a measure without one.
    /// Ids and verdicts only: a province's overall panel has 1,768 lines, sorted on every frame.
    struct PanelLine {
        enum Item {
            case target(String)
            case measure(Int)
        }
        var item: Item
        var status: Status
        var flagged: Bool
    }

    /// What a panel lists, worst first (flagged before unflagged, then plan order): the overall
    /// panel every overall target; a programme panel its measures' quantitative targets and the
    /// measures that have none.
    static func panelLines(_ panel: RowRef, _ state: AppState) -> [PanelLine] {
        let evaluation = state.data.evaluation
        var lines: [PanelLine] = []
        func add(_ judged: TargetEvaluation) {
            lines.append(
                PanelLine(
                    item: .target(judged.targetId), status: judged.status, flagged: judged.markers.contains(.flagged)))
        }
        switch panel {
        case .overallPanel:
            evaluation.overall.forEach(add)
        case let .programme(number):
            guard let programme = state.data.plan.programmes.first(where: { $0.number == number }) else { return [] }
            for measure in programme.measures {
                guard let judged = evaluation.measure(measure.number) else { continue }
                let quantitative = judged.targets.filter { state.data.target($0.targetId)?.kind == .quantitative }
                if quantitative.isEmpty {
                    lines.append(
                        PanelLine(
                            item: .measure(measure.number), status: judged.status,
                            flagged: judged.markers.contains(.flagged)))
                } else {
                    quantitative.forEach(add)
                }
            }
        default:
            break
        }
        // Sorted on plain integer keys (no copies of the lines while sorting).
        let keys = lines.enumerated().map { ($0.element.status.severity, $0.element.flagged ? 1 : 0, -$0.offset) }
        return keys.indices.sorted { keys[$0] > keys[$1] }.map { lines[$0] }
    }

    static func drawPanel(
        _ panel: RowRef, _ state: AppState, _ painter: inout Painter, x: Int, y: Int, width: Int, height: Int,
        selected: Bool
    ) {
        let theme = state.theme
        let plan = state.data.plan
        let evaluation = state.data.evaluation
        var title = ""
        var counts = StatusCounts()
        var overdue = 0
        var measureCount = 0
        switch panel {
        case .overallPanel:
            title = plan.overallPanelTitle(state.language)
            counts = StatusCounts(evaluation.overall.map(\.status))
            overdue = evaluation.overall.filter { $0.status.isOverdueOrLagging }.count
        case let .programme(number):
            guard let programme = plan.programmes.first(where: { $0.number == number }),
                let judged = evaluation.programmes.first(where: { $0.number == number })
            else { return }
            title = programme.heading(state.language)
            counts = judged.counts
            overdue = judged.overdueCount
            measureCount = programme.measures.count
        default:
            return
        }
        let borderStyle = selected ? Style(color: theme.color ? .yellow : .normal, bold: true) : theme.chrome
        let titleStyle = selected ? Style(bold: true, reverse: true) : Style(bold: true)
        painter.box(x: x, y: y, width: width, height: height, title: title, style: borderStyle, titleStyle: titleStyle)
        let inner = width - 4
        var line = y + 1
        let last = y + height - 2
        guard inner > 4, line <= last else { return }
        // The status bar takes what the counts leave: every count is shown (the bar is the summary).
        let countText = counts.nonZero.map { "\(theme.mark($0.status))\($0.count)" }.joined(separator: " ")
        let barWidth = max(4, inner - DisplayWidth.of(countText) - 1)
        painter.statusBar(counts, x: x + 2, y: line, width: barWidth)
        var cx = x + 2 + barWidth + 1
        for (status, count) in counts.nonZero {
            let text = "\(theme.mark(status))\(count)"
            if cx + DisplayWidth.of(text) > x + 2 + inner { break }
            cx += painter.grid.put(text, x: cx, y: line, style: theme.style(for: status)) + 1
        }
        line += 1
        if line <= last {
            var summary =
                overdue > 0
                ? state.pick("逾期/滞后/临期 \(overdue) 项", "\(overdue) late or due soon")
                : state.pick("无逾期", "nothing overdue")
            if measureCount > 0 { summary += state.pick("，措施 \(measureCount) 条", ", \(measureCount) measures") }
            painter.text(
                summary, x: x + 2, y: line, width: inner, style: overdue > 0 ? theme.style(for: .overdue) : theme.muted)
            line += 1
        }
        // Worst first; when they do not all fit, the last line says how many more and how they stand.
        let lines = panelLines(panel, state)
        let room = last - line + 1
        let shown = lines.count > room ? max(0, room - 1) : lines.count
        // Linqing's ids (G25-1, M02-1) fit in 6; a plan's own (P2.1.2-1) are shown whole, up to 10.
        let longest =
            lines.prefix(shown).map { entry -> Int in
                if case let .target(id) = entry.item { return DisplayWidth.of(id) + 1 }
                return 0
            }.max() ?? 0
        let idWidth = min(10, max(6, longest))
        for entry in lines.prefix(shown) {
            drawPanelLine(entry, state, &painter, x: x + 2, y: line, width: inner, idWidth: idWidth)
            line += 1
        }
        if shown < lines.count, line <= last {
            let hidden = lines.dropFirst(shown)
            var spans: [(String, Style)] = [(state.pick("+\(hidden.count) 项 ", "+\(hidden.count) more "), theme.accent)]
            for (status, count) in StatusCounts(hidden.map(\.status)).nonZero {
                spans.append(("\(theme.mark(status))\(count) ", theme.style(for: status)))
            }
            painter.spans(spans, x: x + 2, y: line, width: inner)
        }
    }

    /// `G25-2 ████░  94% ✖ 新能源汽车…`, or `✔ （五）补齐…` for a measure without a figure. The bar is
    /// short so the words have room (in English especially).
    static func drawPanelLine(
        _ entry: PanelLine, _ state: AppState, _ painter: inout Painter, x: Int, y: Int, width: Int, idWidth: Int
    ) {
        let theme = state.theme
        let style = theme.style(for: entry.status)
        switch entry.item {
        case let .measure(number):
            guard let measure = state.data.plan.measure(number: number) else { return }
            painter.text(theme.mark(entry.status), x: x, y: y, width: 1, style: style)
            painter.text(measure.heading(state.language), x: x + 2, y: y, width: width - 2, style: theme.muted)
        case let .target(id):
            guard let target = state.data.target(id), let judged = state.data.evaluation.target(id) else { return }
            let pctWidth = 4
            let bar = max(3, min(8, width / 5))
            painter.text(target.id, x: x, y: y, width: idWidth, style: .plain)
            var column = x + idWidth
            if target.kind == .quantitative {
                painter.progressBar(judged.progress, x: column, y: y, width: bar, style: style)
                let percent = judged.progress.map { NumberText.percent($0) } ?? "-"
                painter.text(TextLayout.padLeft(percent, to: pctWidth + 1), x: column + bar, y: y, width: pctWidth + 1)
                column += bar + pctWidth + 2
            }
            painter.text(theme.mark(entry.status), x: column, y: y, width: 1, style: style)
            let descX = column + 2
            if x + width - descX > 4 {
                painter.text(
                    TargetText.description(target, state), x: descX, y: y, width: x + width - descX, style: theme.muted)
            }
        }
    }
}

/// The overall targets (Linqing's section 一) as a list.
enum TargetListView {
    static func drawOverall(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let rows = state.data.evaluation.overall
        drawTargets(rows, state, &painter, body, header: state.data.plan.overallTargetsHeader(state.language))
    }

    static func drawTargets(
        _ rows: [TargetEvaluation], _ state: AppState, _ painter: inout Painter, _ body: Body, header: String
    ) {
        let theme = state.theme
        painter.text(header, x: 1, y: body.y, width: body.width - 2, style: theme.title)
        let statusWidth = state.language == .zh ? 12 : 18
        let list = ListWidget(
            count: rows.count, selected: state.selectedIndex, top: body.y + 2, height: body.height - 2,
            width: body.width)
        list.draw(&painter) { line, painter in
            let judged = rows[line.index]
            guard let target = state.data.target(judged.targetId) else { return }
            let y = line.y
            painter.text(target.id, x: 1, y: y, width: 6, style: line.base)
            var x = 8
            painter.text(
                TargetText.statusText(judged.status, state), x: x, y: y, width: statusWidth,
                style: line.status(theme.style(for: judged.status)))
            x += statusWidth + 1
            let barWidth = 10
            if target.kind == .quantitative {
                painter.progressBar(
                    judged.progress, x: x, y: y, width: barWidth, style: theme.style(for: judged.status))
                let pct = judged.progress.map { NumberText.percent($0) } ?? "-"
                painter.text(TextLayout.padLeft(pct, to: 5), x: x + barWidth + 1, y: y, width: 5, style: line.base)
            } else {
                // A milestone has no percent: its reported state, in place of an empty bar and `-`.
                painter.text(
                    TargetText.milestone(judged, state), x: x, y: y, width: barWidth + 6,
                    style: line.status(theme.style(for: judged.status)))
            }
            x += barWidth + 7
            let goal = target.goalText(state.language)
            painter.text(goal, x: x, y: y, width: 16, style: line.muted)
            x += 17
            var desc = TargetText.description(target, state)
            if !judged.markers.isEmpty { desc += " " + TargetText.markers(judged.markers, state) }
            painter.text(desc, x: x, y: y, width: max(0, body.width - x - 1), style: line.base)
        }
    }
}
