import RenewalModel
import RenewalReports
import RenewalText

/// One target in full (Enter on any target row): what it asks, where it stands, its record month
/// by month beside the trajectory, its flags with their history, its reports, who answers for it,
/// and the measures that deliver it (the page's rows: Enter opens one).
enum TargetView {
    typealias Line = MeasureView.Line

    /// The measures a target page lists: its own measure, or an overall target's related ones.
    static func measures(of id: String, in plan: Plan) -> [Int] {
        if let measure = plan.measure(containingTarget: id) { return [measure.number] }
        return plan.target(id: id)?.relatedMeasures ?? []
    }

    static func lines(_ state: AppState, _ id: String, width: Int) -> [Line] {
        let theme = state.theme
        let plan = state.data.plan
        guard let target = plan.target(id: id), let judged = state.data.evaluation.target(id) else { return [] }
        var lines: [Line] = []
        func plain(_ text: String, _ style: Style = .plain) { lines.append(Line(spans: [(text, style)], target: nil)) }
        func field(_ label: String, _ text: String, row: Int? = nil) {
            lines += MeasureView.wrapped(label, text, indent: 2, width: width, theme: theme, row: row)
        }
        var title: [(String, Style)] = [
            (" \(id)  ", .bold), (TargetText.description(target, state) + "  ", theme.title),
            ("\(theme.mark(judged.status)) \(judged.status.label(state.language))", theme.style(for: judged.status)),
        ]
        if !judged.markers.isEmpty { title.append(("  " + TargetText.markers(judged.markers, state), theme.accent)) }
        lines.append(Line(spans: title, target: nil))
        if state.language == .en { plain("  " + target.description, theme.muted) }

        field(state.pick("目标：", "Goal: "), target.goalText(state.language) + deadlineText(judged, state))
        field(
            state.pick("读数：", "Reading: "),
            target.readingLabel(state.language)
                + (target.entryUnit.map { state.pick("，单位 \($0)", ", in \(UnitText.localized($0, .en))") } ?? ""))
        if target.kind == .quantitative {
            if judged.status == .baselineMissing {
                field(
                    state.pick("基数：", "Baseline: "),
                    state.pick(
                        "基数缺失：请录入 \(target.baselineYear.map { "\($0) 年" } ?? "基期") 的数值（renewal baseline \(id)）",
                        "missing: enter the \(target.baselineYear.map { "\($0)" } ?? "base-year") figure "
                            + "(renewal baseline \(id))"
                    ))
            } else if let baseline = judged.baseline {
                let year = target.baselineYear.map { state.pick("（\($0) 年）", " (\($0))") } ?? ""
                field(state.pick("基数：", "Baseline: "), TargetText.quantity(baseline, target, state) + year)
            }
            var figures = state.pick("最新 ", "latest ") + TargetText.quantity(judged.actual, target, state)
            if let date = judged.actualDate { figures += state.pick("（\(date)）", " (\(date))") }
            figures += state.pick("，应达 ", ", expected ") + TargetText.quantity(judged.due, target, state)
            if target.entryUnit == "%", let due = judged.due, let actual = judged.actual {
                // A rate's own gap in 个百分点 beside the progress lag (DESIGN §4 "rates").
                let gap = target.comparator == .atMost ? actual - due : due - actual
                if gap > 0 {
                    figures += state.pick(
                        "，差 \(NumberText.approximate(gap)) 个百分点", ", \(NumberText.approximate(gap)) pts short")
                }
                if let progress = judged.progress, let expected = judged.expectedProgress {
                    figures += state.pick(
                        "；完成进度 \(NumberText.percent(progress))，序时进度 \(NumberText.percent(expected))",
                        "; progress \(NumberText.percent(progress)), schedule \(NumberText.percent(expected))")
                }
            }
            if let lag = judged.lag { figures += state.pick("，", ", ") + LagText.phrase(lag, state.language) }
            field(state.pick("数据：", "Figures: "), figures)
            lines.append(
                Line(
                    spans: [
                        .text("        ", .plain), .bar(judged.progress, theme.style(for: judged.status)),
                        .text(" " + (judged.progress.map { NumberText.percent($0) } ?? "-"), .plain),
                    ], target: nil))
        } else {
            field(
                state.pick("最新报送：", "Latest: "),
                judged.milestoneState?.label(state.language) ?? state.pick("无报送", "no report"))
        }
        let units = { (names: [String]) in
            names.isEmpty
                ? "-" : names.map { plan.unitName($0, state.language) }.joined(separator: state.pick("、", "; "))
        }
        field(state.pick("牵头单位：", "Lead: "), units(plan.leadUnits(forTarget: id)))
        if let measure = plan.measure(containingTarget: id), !measure.responsibleUnits.isEmpty {
            field(state.pick("责任单位：", "Responsible: "), units(measure.responsibleUnits))
        }
        let others = plan.seriesItems(of: id).dropFirst()
        if !others.isEmpty {
            // One figure stands for the whole series: a report on any of these counts here too.
            field(state.pick("同一指标：", "Same figure as: "), others.joined(separator: state.pick("、", ", ")))
        }
        let measureNumbers = measures(of: id, in: plan)
        for (index, number) in measureNumbers.enumerated() {
            guard let measure = plan.measure(number: number) else { continue }
            let label =
                index == 0
                ? (plan.measure(containingTarget: id) != nil
                    ? state.pick("所属措施：", "Measure: ") : state.pick("相关措施：", "Measures: "))
                : ""
            let status =
                state.data.evaluation.measure(number).map {
                    "  \(theme.mark($0.status)) \($0.status.label(state.language))"
                } ?? ""
            let head =
                "  "
                + (label.isEmpty
                    ? String(
                        repeating: " ",
                        count: DisplayWidth.of(measureNumbers.count > 1 ? state.pick("相关措施：", "Measures: ") : label))
                    : label)
            lines.append(
                Line(
                    spans: [(head, theme.muted), (measure.heading(state.language), .bold), (status, .plain)],
                    target: index))
        }

        lines += trackRecord(state, target, width: width)

        let flags = state.data.flags.filter { $0.itemId == id }
        if !flags.isEmpty {
            plain("")
            plain(state.pick(" 督办记录（\(flags.count) 次）", " Supervision (\(flags.count))"), theme.title)
            for flag in flags {
                var head = "  #\(flag.id) \(Day.shown(timestamp: flag.flaggedAt)) \(flag.flaggedBy)"
                if let followUp = flag.followUp { head += state.pick("  反馈期限 ", "  follow up by ") + followUp }
                if let cleared = flag.clearedAt {
                    head +=
                        state.pick(
                            "  已解除 \(Day.shown(timestamp: cleared))", "  cleared \(Day.shown(timestamp: cleared))")
                        + (flag.clearedBy.map { " \($0)" } ?? "")
                } else {
                    head += state.pick("  督办中", "  open")
                }
                plain(head, flag.isOpen ? theme.accent : theme.muted)
                lines += MeasureView.wrapped("", flag.note, indent: 4, width: width, theme: theme)
                for reply in flag.replies ?? [] {
                    lines += MeasureView.wrapped(
                        state.pick(
                            "反馈（\(reply.by) \(Day.shown(timestamp: reply.at))）：",
                            "Reply (\(reply.by) \(Day.shown(timestamp: reply.at))): "),
                        reply.note, indent: 4, width: width, theme: theme)
                }
                if let closing = flag.closingNote {
                    lines += MeasureView.wrapped(
                        state.pick("办结：", "Closed: "), closing, indent: 4, width: width, theme: theme)
                }
            }
        }
        lines += MeasureView.reportLines(
            state.history(for: state.data.plan.seriesItems(of: id)), state, width: width, older: id,
            firstRow: measureNumbers.count)
        return lines
    }

    /// "，截止 2025-12-31（已逾期 334 天）" / "（还有 32 天）" / "" for a target without a deadline.
    static func deadlineText(_ judged: TargetEvaluation, _ state: AppState) -> String {
        guard let deadline = judged.deadline else { return "" }
        let days = state.data.asOf.days(to: deadline)
        var text = state.pick("，截止 \(deadline)", ", due \(deadline)")
        if judged.status.isFinished {
            text += state.pick("（已完成）", " (done)")
        } else if days < 0 {
            text += state.pick("（已逾期 \(-days) 天）", " (\(-days) days overdue)")
        } else {
            text += state.pick("（还有 \(days) 天）", " (\(days) days left)")
        }
        return text
    }

    /// The verdict at each monthly return: two sparklines (reported, expected) scaled to the goal,
    /// then the latest twelve months as figures with their status marks (monochrome and ASCII
    /// read them as well as colour does).
    static func trackRecord(_ state: AppState, _ target: Target, width: Int) -> [Line] {
        let theme = state.theme
        let points = StatusEngine(plan: state.data.plan)
            .trackRecord(
                of: target.id, entries: state.history(for: state.data.plan.seriesItems(of: target.id)),
                asOf: state.data.asOf)
        guard !points.isEmpty else { return [] }
        var lines: [Line] = [Line(spans: [("", .plain)], target: nil)]
        lines.append(
            Line(
                spans: [
                    (state.pick(" 逐月（报送截止日的判定）", " Month by month (as judged when each return fell due)"), theme.title)
                ], target: nil))
        let shown = Array(points.suffix(max(6, min(36, width - 16))))
        let first = shown.first.map { "\($0.month.year)-\(String(format: "%02d", $0.month.month))" } ?? ""
        let last = shown.last.map { "\($0.month.year)-\(String(format: "%02d", $0.month.month))" } ?? ""
        if target.kind == .quantitative {
            let values = shown.flatMap { [$0.judged.actual, due($0.judged, $0.month)] }.compactMap { $0 }
            let top = values.max() ?? 0
            // A level starts where it stood: scaled from its baseline (or lowest figure), not from 0.
            let isLevel = target.reading == .level || target.isRelative
            let floor =
                isLevel
                ? (values + [state.data.evaluation.target(target.id)?.baseline].compactMap { $0 }).min() ?? 0 : 0
            let actual = Sparkline.render(
                shown.map(\.judged.actual), minimum: floor, maximum: top, ascii: theme.ascii)
            let expected = Sparkline.render(
                shown.map { due($0.judged, $0.month) }, minimum: floor, maximum: top, ascii: theme.ascii)
            lines.append(
                Line(
                    spans: [(state.pick("  实际 ", "  actual   "), theme.muted), (actual, theme.style(for: .onTrack))],
                    target: nil))
            lines.append(
                Line(spans: [(state.pick("  应达 ", "  expected "), theme.muted), (expected, theme.muted)], target: nil))
        }
        let marks = shown.map { theme.mark($0.judged.status) }.joined()
        lines.append(Line(spans: [(state.pick("  状态 ", "  status   "), theme.muted), (marks, .plain)], target: nil))
        lines.append(
            Line(
                spans: [
                    (state.pick("       ", "           ") + first, theme.muted),
                    (String(repeating: " ", count: max(1, shown.count - first.count - last.count)) + last, theme.muted),
                ],
                target: nil))
        for point in points.suffix(12).reversed() {
            let month = "\(point.month.year)-\(String(format: "%02d", point.month.month))"
            var text =
                "  \(month)  \(theme.mark(point.judged.status)) "
                + TextLayout.padRight(point.judged.status.label(state.language), to: 12)
            if target.kind == .quantitative {
                text +=
                    " " + TargetText.quantity(point.judged.actual, target, state)
                    + " / " + TargetText.quantity(due(point.judged, point.month), target, state)
            } else {
                text += " " + (point.judged.milestoneState?.label(state.language) ?? "-")
            }
            lines.append(Line(spans: [(text, .plain)], target: nil))
        }
        return lines
    }

    static func due(_ judged: TargetEvaluation, _ month: Day) -> Double? { TargetReport.due(judged, month: month) }

    static func draw(_ state: AppState, _ id: String, _ painter: inout Painter, _ body: Body) {
        PageView.draw(lines(state, id, width: body.width), state, .target(id), &painter, body)
    }
}
