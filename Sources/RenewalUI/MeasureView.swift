import RenewalModel
import RenewalText

/// One measure in full: clause, units, targets table, flags and history; scrolls as a page.
enum MeasureView {
    /// A piece of a line: styled text, or a target's progress bar (its width set when drawn).
    enum Span {
        case text(String, Style)
        case bar(Double?, Style)
    }

    struct Line {
        var spans: [Span]
        /// The target this line belongs to (selected rows are highlighted).
        var target: Int?

        init(spans: [Span], target: Int?) {
            self.spans = spans
            self.target = target
        }

        init(spans: [(String, Style)], target: Int?) {
            self.init(spans: spans.map { .text($0.0, $0.1) }, target: target)
        }
    }

    static func lines(_ state: AppState, _ number: Int, width: Int) -> [Line] {
        let theme = state.theme
        let plan = state.data.plan
        guard let measure = plan.measure(number: number), let judged = state.data.evaluation.measure(number),
            let programme = plan.programme(containing: number)
        else { return [] }
        var lines: [Line] = []
        func plain(_ text: String, _ style: Style = .plain) { lines.append(Line(spans: [(text, style)], target: nil)) }
        func wrapped(_ label: String, _ text: String, indent: Int = 2) {
            let head = String(repeating: " ", count: indent) + label
            let room = max(10, width - DisplayWidth.of(head) - 1)
            for (index, piece) in TextLayout.wrap(text, width: room).enumerated() {
                lines.append(
                    Line(
                        spans: [
                            (index == 0 ? head : String(repeating: " ", count: DisplayWidth.of(head)), theme.muted),
                            (piece, .plain),
                        ], target: nil))
            }
        }
        let title =
            state.language == .zh ? measure.fullHeading(.zh) : measure.heading(.en) + "  " + measure.fullHeading(.zh)
        lines.append(
            Line(
                spans: [
                    (" " + title + "  ", theme.title),
                    (
                        "\(theme.mark(judged.status)) \(judged.status.label(state.language))",
                        theme.style(for: judged.status)
                    ),
                    (judged.markers.isEmpty ? "" : "  " + TargetText.markers(judged.markers, state), theme.accent),
                ], target: nil))
        let unitName = { (name: String) -> String in plan.unitName(name, state.language) }
        wrapped(state.pick("所属工程：", "Programme: "), programme.heading(state.language))
        wrapped(state.pick("牵头单位：", "Lead: "), measure.leadUnits.map(unitName).joined(separator: state.pick("、", "; ")))
        wrapped(
            state.pick("责任单位：", "Responsible: "),
            measure.responsibleUnits.isEmpty
                ? "-" : measure.responsibleUnits.map(unitName).joined(separator: state.pick("、", "; ")))
        plain("")
        wrapped(state.pick("条文：", "Clause: "), measure.title + "。" + measure.text)
        plain("")
        if measure.targets.isEmpty {
            plain(
                state.pick(
                    "  本条没有量化指标或限时任务：按月报送进展（u 填报，f 督办）。",
                    "  No target with a number or date: monthly narrative reports (u to record, f to flag)."),
                theme.muted)
        } else {
            plain(state.pick(" 指标（j/k 选择，u 填报，f 督办）", " Targets (j/k select, u record, f flag)"), theme.title)
        }
        for (index, target) in measure.targets.enumerated() {
            guard let t = judged.targets.first(where: { $0.targetId == target.id }) else { continue }
            var head: [(String, Style)] = [
                ("  " + target.id + "  ", .bold), (TargetText.description(target, state), .bold),
            ]
            if let year = t.year, target.reading == .yearToDate {
                head.append((state.pick("（\(year)年度）", " (\(year))"), .plain))
            }
            lines.append(Line(spans: head, target: index))
            var facts: [(String, Style)] = [
                ("        ", .plain),
                ("\(theme.mark(t.status)) \(t.status.label(state.language))", theme.style(for: t.status)),
            ]
            if !t.markers.isEmpty { facts.append((" " + TargetText.markers(t.markers, state), theme.accent)) }
            facts.append(("  " + state.pick("目标 ", "goal ") + target.goalText(state.language), .plain))
            var due: (String, Style)?
            if let deadline = t.deadline { due = ("  " + state.pick("截止 ", "due ") + deadline.description, .plain) }
            // A deadline that does not fit goes down a line whole, never cut mid-date (80 columns
            // with three markers cut "截止 2025-12-3").
            if let fits = due, facts.map({ DisplayWidth.of($0.0) }).reduce(DisplayWidth.of(fits.0), +) < width - 1 {
                facts.append(fits)
                due = nil
            }
            lines.append(Line(spans: facts, target: index))
            if let due { lines.append(Line(spans: [("      ", .plain), due], target: index)) }
            if target.kind == .quantitative {
                var numbers: [(String, Style)] = [("        ", .plain)]
                if let baseline = t.baseline {
                    let unusable =
                        t.status == .baselineMissing ? state.pick("（不能作为增长基数）", " (no base to grow from)") : ""
                    numbers.append(
                        (
                            state.pick("基数 ", "baseline ") + TargetText.quantity(baseline, target, state) + unusable
                                + "  ", .plain
                        ))
                }
                numbers.append((state.pick("实际 ", "actual ") + TargetText.quantity(t.actual, target, state), .plain))
                if let date = t.actualDate { numbers.append((state.pick("（\(date)）", " (\(date))"), theme.muted)) }
                // 应达: the goal once overdue, the schedule's figure before; nothing when no path applies.
                if let due = t.due {
                    numbers.append(
                        ("  " + state.pick("应达 ", "expected ") + TargetText.quantity(due, target, state), .plain))
                }
                lines.append(Line(spans: numbers, target: index))
                lines.append(
                    Line(
                        spans: [
                            .text("        ", .plain), .bar(t.progress, theme.style(for: t.status)),
                            .text(" " + (t.progress.map { NumberText.percent($0) } ?? "-"), .plain),
                            .text(t.lag.map { "  " + LagText.phrase($0, state.language) } ?? "", theme.muted),
                        ], target: index))
            } else {
                let stateText = TargetText.milestone(t, state)
                lines.append(
                    Line(spans: [("        " + state.pick("最新报送：", "latest: ") + stateText, .plain)], target: index))
            }
        }
        let items = Set([measure.itemId] + measure.targets.map(\.id))
        let flags = state.data.flagsOnDate.filter { items.contains($0.itemId) }
        if !flags.isEmpty {
            plain("")
            plain(state.pick(" 督办", " Flagged"), theme.title)
            for flag in flags {
                var head = "  \(flag.itemId)  \(flag.flaggedBy) \(Day.shown(timestamp: flag.flaggedAt))"
                if let followUp = flag.followUp { head += state.pick("  反馈期限 ", "  follow up ") + followUp }
                plain(head, theme.accent)
                wrapped("", flag.note, indent: 4)
            }
        }
        lines += reportLines(
            state.history(for: state.data.plan.reportItems(ofMeasure: measure)), state, width: width,
            older: measure.itemId)
        return lines
    }

    /// Text wrapped under a label, the label's width indented on the following lines.
    static func wrapped(
        _ label: String, _ text: String, indent: Int, width: Int, theme: Theme, row: Int? = nil
    ) -> [Line] {
        let head = String(repeating: " ", count: indent) + label
        let room = max(10, width - DisplayWidth.of(head) - 1)
        return TextLayout.wrap(text, width: room).enumerated().map { index, piece in
            Line(
                spans: [
                    (index == 0 ? head : String(repeating: " ", count: DisplayWidth.of(head)), theme.muted),
                    (piece, .plain),
                ],
                target: row)
        }
    }

    /// The reports on a page (newest first, at most 30; corrections and what they corrected marked;
    /// the narrative under its headings), from a complete history.
    /// The reports a page lists: up to the date judged, baselines aside, newest first (the same
    /// day: the later recorded first), at most `limit`.
    static func shownReports(_ history: [ProgressEntry], asOf: Day, limit: Int = 30) -> [ProgressEntry] {
        Array(
            history
                .filter { !$0.isBaseline && $0.date <= asOf }
                .enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }.map(\.element)
                .prefix(limit))
    }

    /// The reports section. With `firstRow`, each report is a selectable row (numbered from it),
    /// as in a target's page where `e` corrects the selected one.
    static func reportLines(
        _ history: [ProgressEntry], _ state: AppState, width: Int, older item: String, firstRow: Int? = nil
    ) -> [Line] {
        let theme = state.theme
        let plan = state.data.plan
        var lines: [Line] = []
        func plain(_ text: String, _ style: Style = .plain) { lines.append(Line(spans: [(text, style)], target: nil)) }
        let total = history.filter { !$0.isBaseline && $0.date <= state.data.asOf }.count
        plain("")
        var title = state.pick(" 报送记录（\(total) 条，最新在前）", " Reports (\(total), newest first)")
        if firstRow != nil { title += state.pick("  e 更正选中记录", "  e corrects the selected one") }
        plain(title, theme.title)
        let corrected = Set(history.compactMap(\.corrects))
        for (index, entry) in shownReports(history, asOf: state.data.asOf).enumerated() {
            let row = firstRow.map { $0 + index }
            var head = "  \(entry.date) \(entry.itemId)"
            if let value = entry.value {
                head += " " + TargetText.quantity(value, state.data.target(entry.itemId), state)
            }
            if let milestone = entry.milestone, state.data.target(entry.itemId) != nil {
                head += " " + milestone.label(state.language)
            }
            if let unit = entry.reportingUnit { head += "  " + plan.unitName(unit, state.language, short: true) }
            if corrected.contains(entry.id) { head += state.pick(" 〔已更正〕", " [corrected]") }
            if entry.corrects != nil { head += state.pick(" 〔更正〕", " [correction]") }
            lines.append(Line(spans: [(head, corrected.contains(entry.id) ? theme.muted : .plain)], target: row))
            for (label, text) in [
                (state.pick("进展情况：", "Progress: "), entry.progress),
                (state.pick("存在问题：", "Problems: "), entry.problems),
                (state.pick("下步计划：", "Next: "), entry.nextSteps), (state.pick("更正原因：", "Reason: "), entry.reason ?? ""),
            ] where !text.isEmpty {
                lines += wrapped(label, text, indent: 4, width: width, theme: theme, row: row)
            }
        }
        if total > 30 {
            plain(
                state.pick("  更早的记录见 renewal history \(item)", "  older reports: renewal history \(item)"), theme.muted)
        }
        return lines
    }

    static func draw(_ state: AppState, _ number: Int, _ painter: inout Painter, _ body: Body) {
        PageView.draw(lines(state, number, width: body.width), state, .measure(number), &painter, body)
    }
}

/// A page of lines that scrolls (PgUp/PgDn), with its selectable rows marked in the margin: the
/// measure and target pages.
enum PageView {
    static func draw(
        _ all: [MeasureView.Line], _ state: AppState, _ screen: Screen, _ painter: inout Painter, _ body: Body
    ) {
        let theme = state.theme
        let selected = state.selection[screen] ?? 0
        let maxScroll = max(0, all.count - body.height)
        var first: Int
        if let scroll = state.scroll[screen] {
            first = min(scroll, maxScroll)
        } else {
            // Keep the selected row in view (with its lines), else start at the top.
            let selectedLines = all.indices.filter { all[$0].target == selected }
            first = 0
            if let last = selectedLines.last, last >= body.height - 1 {
                first = min(maxScroll, (selectedLines.first ?? 0) - 2)
            }
        }
        let hasRows = !state.rows(for: screen).isEmpty
        for (offset, line) in all.enumerated().dropFirst(first).prefix(body.height) {
            let y = body.y + offset - first
            if hasRows && line.target == selected {
                painter.grid.fill(
                    " ", x: 0, y: y, width: 1, style: Style(color: theme.color ? .yellow : .normal, reverse: true))
            }
            var x = 1
            for span in line.spans {
                if x >= body.width { break }
                switch span {
                case let .bar(progress, style):
                    let barWidth = min(24, max(8, body.width / 4), body.width - x)
                    painter.progressBar(progress, x: x, y: y, width: barWidth, style: style)
                    x += barWidth
                case let .text(text, style):
                    // What does not fit ends in "..": a cut is never silent.
                    let room = body.width - x
                    let shown =
                        DisplayWidth.of(text) > room ? TextLayout.truncate(text, to: room, ellipsis: room > 2) : text
                    x += painter.grid.put(shown, x: x, y: y, style: style, maxWidth: room)
                }
            }
        }
        if first + body.height < all.count {
            painter.text(
                state.pick("[PgDn 更多]", "[PgDn more]"), x: body.width - 12, y: body.y + body.height - 1, width: 12,
                style: theme.muted)
        }
    }
}
