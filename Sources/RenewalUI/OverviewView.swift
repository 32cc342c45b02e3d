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

    /// Enough lines for the panel with the most targets.
    static func maxPanelHeight(_ state: AppState) -> Int {
        let most =
            state.data.plan.programmes.map { $0.measures.flatMap(\.targets).filter { $0.kind == .quantitative }.count }
            .max() ?? 0
        return 2 + 2 + max(most, min(8, state.data.plan.overallTargets.filter { $0.kind == .quantitative }.count))
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
        var targets: [TargetEvaluation] = []
        var overdue = 0
        var measureCount = 0
        switch panel {
        case .overallPanel:
            title = state.pick("一、总体目标", "1. Overall targets")
            counts = StatusCounts(evaluation.overall.map(\.status))
            targets = evaluation.overall
            overdue = evaluation.overall.filter { $0.status.isOverdueOrLagging }.count
        case let .programme(number):
            guard let programme = plan.programmes.first(where: { $0.number == number }),
                let judged = evaluation.programmes.first(where: { $0.number == number })
            else { return }
            title = programme.heading(state.language)
            counts = judged.counts
            targets = judged.measures.flatMap(\.targets)
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
        // Status bar with counts.
        let countText = counts.nonZero.map { "\(theme.mark($0.status))\($0.count)" }.joined(separator: " ")
        let countWidth = min(inner / 2, DisplayWidth.of(countText))
        let barWidth = max(4, inner - countWidth - 1)
        painter.statusBar(counts, x: x + 2, y: line, width: barWidth)
        var cx = x + 2 + barWidth + 1
        for (status, count) in counts.nonZero {
            let text = "\(theme.mark(status))\(count) "
            if cx + DisplayWidth.of(text) > x + 2 + inner + 1 { break }
            cx += painter.grid.put(text, x: cx, y: line, style: theme.style(for: status))
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
        // Quantitative targets with mini bars.
        for judged in targets where line <= last {
            guard let target = state.data.target(judged.targetId), target.kind == .quantitative else { continue }
            let percent = judged.progress.map { NumberText.percent($0) } ?? "-"
            let idWidth = 6
            let pctWidth = 5
            let bar = max(3, min(12, inner - idWidth - pctWidth - 4))
            painter.text(target.id, x: x + 2, y: line, width: idWidth, style: .plain)
            painter.progressBar(
                judged.progress, x: x + 2 + idWidth, y: line, width: bar, style: theme.style(for: judged.status))
            painter.text(
                TextLayout.padLeft(percent, to: pctWidth), x: x + 2 + idWidth + bar, y: line, width: pctWidth,
                style: .plain)
            painter.text(
                theme.mark(judged.status), x: x + 2 + idWidth + bar + pctWidth + 1, y: line, width: 1,
                style: theme.style(for: judged.status))
            let descX = x + 2 + idWidth + bar + pctWidth + 3
            let descWidth = x + 2 + inner - descX
            if descWidth > 4 {
                painter.text(
                    TargetText.description(target, state), x: descX, y: line, width: descWidth, style: theme.muted)
            }
            line += 1
        }
        // Room left: the measures without a quantitative target, with their status.
        if case let .programme(number) = panel, let programme = plan.programmes.first(where: { $0.number == number }) {
            for measure in programme.measures
            where line <= last && !measure.targets.contains(where: { $0.kind == .quantitative }) {
                guard let judged = evaluation.measure(measure.number) else { continue }
                painter.text(
                    theme.mark(judged.status), x: x + 2, y: line, width: 1, style: theme.style(for: judged.status))
                let label = measure.heading(state.language)
                painter.text(label, x: x + 4, y: line, width: inner - 2, style: theme.muted)
                line += 1
            }
        }
    }
}

/// The overall targets of section 一 as a list.
enum TargetListView {
    static func drawOverall(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let rows = state.data.evaluation.overall
        drawTargets(
            rows, state, &painter, body,
            header: state.pick("一、总体要求：到2025年、到2027年的总体目标", "Section 1: overall targets for 2025 and 2027"))
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
            painter.progressBar(judged.progress, x: x, y: y, width: barWidth, style: theme.style(for: judged.status))
            x += barWidth + 1
            let pct = judged.progress.map { NumberText.percent($0) } ?? "-"
            painter.text(TextLayout.padLeft(pct, to: 5), x: x, y: y, width: 5, style: line.base)
            x += 6
            let goal = target.goalText(state.language)
            painter.text(goal, x: x, y: y, width: 16, style: line.muted)
            x += 17
            var desc = TargetText.description(target, state)
            if !judged.markers.isEmpty { desc += " " + TargetText.markers(judged.markers, state) }
            painter.text(desc, x: x, y: y, width: max(0, body.width - x - 1), style: line.base)
        }
    }
}
