import RenewalModel
import RenewalReports
import RenewalText

/// `b`: who has filed the last due period's return. 未报送 units first, then 未报齐 (the smaller
/// share filed first), then 已报齐; each with its unfinished items filed of those it leads and its
/// last report. `f` reminds (催办) the selected unit, `F` every unit; Enter opens a unit's items.
enum ReportingView {
    static func draw(_ state: AppState, _ painter: inout Painter, _ body: Body) {
        let theme = state.theme
        guard let status = state.reportingStatus else {
            painter.text(
                state.pick("正在读取报送情况…", "Reading the reporting status…"), x: 2, y: body.y + 1, width: body.width - 4,
                style: theme.muted)
            return
        }
        let silent = status.notReported.count
        let partly = status.partlyReported.count
        painter.text(
            state.pick(
                "报送情况：\(status.periodStart) 至 \(status.periodEnd) 的报表，\(status.dueOn) 截止；"
                    + "未报送 \(silent) 个单位，未报齐 \(partly) 个（f 催办本行单位，F 催办全部）",
                "Reporting: the return for \(status.periodStart)–\(status.periodEnd), due \(status.dueOn); "
                    + "\(silent) units filed nothing, \(partly) part (f reminds this unit, F all)"),
            x: 1, y: body.y, width: body.width - 2, style: theme.title)
        let nameWidth = max(20, body.width - 44)
        var x = 1
        for (text, width) in [
            (state.pick("单位", "Unit"), nameWidth), (state.pick("本期", "Period"), 8), (state.pick("已报/应报", "Filed"), 10),
            (state.pick("最近一次报送", "Last report"), 14),
        ] {
            painter.text(text, x: x, y: body.y + 1, width: width, style: theme.muted)
            x += width + 1
        }
        let list = ListWidget(
            count: status.units.count, selected: state.selectedIndex, top: body.y + 2, height: body.height - 2,
            width: body.width)
        list.draw(&painter) { line, painter in
            let row = status.units[line.index]
            var x = 1
            painter.text(
                state.data.plan.unitName(row.unit, state.language), x: x, y: line.y, width: nameWidth, style: line.base)
            x += nameWidth + 1
            // 未报送 is a data problem: purple, as wherever it appears (DESIGN §5); 未报齐 the same
            // light, 已报齐 green.
            let style = theme.style(for: row.state == .complete ? .onTrack : .noReport)
            let mark = row.state.label(state.language)
            painter.text(mark, x: x, y: line.y, width: 8, style: line.status(style))
            x += 9
            painter.text(
                TextLayout.padLeft("\(row.filed)/\(row.items)", to: 7), x: x, y: line.y, width: 10, style: line.base)
            x += 11
            let last = row.lastReport ?? state.pick("从未报送", "never")
            painter.text(last, x: x, y: line.y, width: body.width - x - 1, style: line.muted)
        }
    }
}
