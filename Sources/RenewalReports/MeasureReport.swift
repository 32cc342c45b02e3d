import RenewalModel
import RenewalText

/// `renewal show N`: one measure in full — clause, units, each target with its status and
/// numbers, and the latest reports.
public struct MeasureReport: Encodable, Sendable {
    public var number: Int
    public var title: String
    public var titleEn: String
    public var programme: Int
    public var programmeTitle: String
    public var text: String
    public var leadUnits: [String]
    public var responsibleUnits: [String]
    public var status: Status
    public var statusLabel: String
    public var markers: [Marker]
    public var targets: [TargetRow]
    /// Entries on the measure and its targets, newest first.
    public var entries: [EntryRow]
    /// Open supervision flags on the measure or its targets.
    public var flags: [SupervisionFlag]

    public struct EntryRow: Encodable, Sendable {
        public var id: String
        public var item: String
        public var date: String
        public var value: Double?
        public var milestone: MilestoneState?
        public var progress: String
        public var problems: String
        public var nextSteps: String
        public var reportingUnit: String?

        /// The entries on `items` dated up to `asOf`, newest first (of two on one day, the one
        /// recorded later first); baselines only when asked for.
        static func newestFirst(
            _ entries: [ProgressEntry], on items: Set<String>, asOf: Day, baselines: Bool
        ) -> [EntryRow] {
            entries
                .filter { items.contains($0.itemId) && $0.date <= asOf && (baselines || !$0.isBaseline) }
                .enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }
                .map {
                    EntryRow(
                        id: $0.element.id, item: $0.element.itemId, date: $0.element.date.description,
                        value: $0.element.value,
                        milestone: $0.element.milestone, progress: $0.element.progress, problems: $0.element.problems,
                        nextSteps: $0.element.nextSteps, reportingUnit: $0.element.reportingUnit)
                }
        }
    }

    let context: ReportContext
    /// True for the fictional sample data (`--demo`).
    public var sampleData: Bool

    enum CodingKeys: String, CodingKey {
        case number, title, titleEn, programme, programmeTitle, text, leadUnits, responsibleUnits
        case status, statusLabel, markers, targets, entries, flags, sampleData
    }

    /// The items whose entries decide and fill the report: the measure's own and its targets'.
    public static func items(number: Int, plan: Plan) -> Set<String> {
        guard let measure = plan.measure(number: number) else { return [] }
        return Set(plan.reportItems(ofMeasure: measure))
    }

    /// Nil when the plan has no such measure.
    public init?(context: ReportContext, number: Int) {
        guard let measure = context.plan.measure(number: number),
            let programme = context.plan.programme(containing: number),
            let judged = context.evaluation.measure(number)
        else { return nil }
        self.context = context
        sampleData = context.isSample
        self.number = number
        title = measure.title
        titleEn = measure.titleEn
        self.programme = programme.number
        programmeTitle = context.pick(programme.title, programme.titleEn)
        text = measure.text
        leadUnits = measure.leadUnits
        responsibleUnits = measure.responsibleUnits
        status = judged.status
        statusLabel = judged.status.label(context.language)
        markers = judged.markers
        targets = judged.targets.compactMap { context.row($0) }
        let items = Self.items(number: number, plan: context.plan)
        flags = context.flags.filter { items.contains($0.itemId) }
        entries = EntryRow.newestFirst(context.entries, on: items, asOf: context.evaluation.asOf, baselines: false)
    }

    /// The report as text lines that fit `context.width`.
    public func text(historyLimit: Int = 6) -> String {
        let c = context
        let width = c.width
        guard let measure = c.plan.measure(number: number), let programme = c.plan.programme(containing: number) else {
            return ""
        }
        var lines: [String] = c.sampleBanner
        func field(_ label: String, _ value: String) {
            let head = label + context.pick("：", ": ")
            let indent = DisplayWidth.of(head)
            let wrapped = TextLayout.wrap(value, width: width - indent)
            for (index, line) in wrapped.enumerated() {
                lines.append((index == 0 ? head : String(repeating: " ", count: indent)) + line)
            }
        }
        lines.append(TextLayout.truncate(c.heading(measure), to: width, ellipsis: true))
        if c.language == .en {
            lines.append(TextLayout.truncate(measure.label + measure.title, to: width, ellipsis: true))
        }
        field(c.pick("所属工程", "Programme"), c.heading(programme))
        field(c.pick("牵头单位", "Lead"), measure.leadUnits.map { c.unitName($0) }.joined(separator: c.pick("、", "; ")))
        field(
            c.pick("责任单位", "Responsible"),
            measure.responsibleUnits.isEmpty
                ? "-" : measure.responsibleUnits.map { c.unitName($0) }.joined(separator: c.pick("、", "; ")))
        let markerText = c.markersText(markers)
        field(
            c.pick("状态", "Status"),
            c.statusText(status) + (markerText.isEmpty ? "" : " " + markerText)
                + c.pick("（截至 \(c.evaluation.asOf)）", " (as of \(c.evaluation.asOf))"))
        lines.append("")
        lines.append(c.pick("条文：", "Clause (as written):"))
        lines.append(
            contentsOf: TextLayout.wrap(measure.title + "。" + measure.text, width: width - 2).map { "  " + $0 })
        lines.append("")
        if targets.isEmpty {
            lines.append(
                c.pick(
                    "指标：本条没有量化指标或限时任务，按月报送进展（持续推进）。",
                    "Targets: none with a number or date; progress is reported monthly (ongoing)."))
        } else {
            lines.append(c.pick("指标：", "Targets:"))
            for row in targets {
                lines.append("")
                let head = "  " + TextLayout.padRight(row.id, to: 6) + " "
                lines.append(contentsOf: indentWrap(head: head, text: row.description))
                let status = row.status
                var statusLine = c.statusText(status)
                if let year = row.year, row.years != nil { statusLine += c.pick("（\(year)年度）", " (\(year))") }
                let markerText = c.markersText(row.markers)
                if !markerText.isEmpty { statusLine += " " + markerText }
                let pad = String(repeating: " ", count: DisplayWidth.of(head))
                lines.append(
                    contentsOf: TextLayout.wrap(c.pick("状态 ", "status ") + statusLine, width: width - pad.count).map {
                        pad + $0
                    })
                lines.append(contentsOf: TextLayout.wrap(numbers(row), width: width - pad.count).map { pad + $0 })
                if let years = row.years, years.count > 1 {
                    let yearText = years.map {
                        "\($0.year) \($0.status.mark)\($0.statusLabel) \(c.quantity($0.actual, unit: row.unit))"
                    }
                    lines.append(
                        contentsOf: TextLayout.wrap(
                            c.pick("逐年 ", "by year ") + yearText.joined(separator: c.dot), width: width - pad.count
                        ).map { pad + $0 })
                }
            }
        }
        lines.append(contentsOf: Self.flagLines(flags, context: c))
        lines.append(contentsOf: Self.entryLines(entries, limit: historyLimit, context: c))
        return lines.map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
    }

    /// The open flags of an item, with their notes.
    static func flagLines(_ flags: [SupervisionFlag], context c: ReportContext) -> [String] {
        guard !flags.isEmpty else { return [] }
        var lines = ["", c.pick("督办：", "Flagged:")]
        for flag in flags {
            var head = "  #\(flag.id) \(flag.itemId)  \(flag.flaggedBy) \(Day.shown(timestamp: flag.flaggedAt))"
            if let followUp = flag.followUp { head += c.pick("  反馈期限 ", "  follow up by ") + followUp }
            lines.append(TextLayout.truncate(head, to: c.width, ellipsis: true))
            lines.append(contentsOf: TextLayout.wrap(flag.note, width: c.width - 4).map { "    " + $0 })
        }
        return lines
    }

    /// The latest reports, newest first, with their three narrative fields.
    static func entryLines(_ entries: [EntryRow], limit: Int, context c: ReportContext) -> [String] {
        var lines = [""]
        if entries.isEmpty {
            lines.append(c.pick("报送记录：无", "Reports: none"))
            return lines
        }
        lines.append(
            c.pick(
                "报送记录（最近 \(min(limit, entries.count)) 条，共 \(entries.count) 条）：",
                "Reports (latest \(min(limit, entries.count)) of \(entries.count)):"))
        for entry in entries.prefix(limit) {
            var head = "  \(entry.date) \(entry.item)"
            if let value = entry.value {
                head += " " + c.quantity(value, unit: c.plan.target(id: entry.item)?.entryUnit)
            }
            if let state = entry.milestone { head += " " + state.label(c.language) }
            if let unit = entry.reportingUnit { head += "  " + c.unitName(unit, short: true) }
            lines.append(TextLayout.truncate(head, to: c.width, ellipsis: true))
            for (label, text) in [
                (c.pick("进展情况", "Progress"), entry.progress), (c.pick("存在问题", "Problems"), entry.problems),
                (c.pick("下步计划", "Next"), entry.nextSteps),
            ] where !text.isEmpty {
                lines.append(
                    contentsOf: indentWrap(head: "    \(label)" + c.pick("：", ": "), text: text, width: c.width))
            }
        }
        return lines
    }

    static func indentWrap(head: String, text: String, width: Int) -> [String] {
        let indent = DisplayWidth.of(head)
        return TextLayout.wrap(text, width: width - indent).enumerated().map { index, line in
            (index == 0 ? head : String(repeating: " ", count: indent)) + line
        }
    }

    func indentWrap(head: String, text: String) -> [String] {
        Self.indentWrap(head: head, text: text, width: context.width)
    }

    /// 目标 >=50家，截止 2025-12-31，实际 30家（2025-10-31），应达 40家，进度 [####..] 60%
    func numbers(_ row: TargetRow) -> String { Self.numbers(row, context: context) }

    static func numbers(_ row: TargetRow, context c: ReportContext) -> String {
        var parts = [c.pick("目标 ", "goal ") + row.goalText]
        if let deadline = row.deadline { parts.append(c.pick("截止 ", "due ") + deadline) }
        if row.kind == .milestone {
            let state = row.milestoneState?.label(c.language)
            parts.append(c.pick("最新报送 ", "latest ") + (state ?? c.pick("无", "none")))
        }
        if row.kind == .quantitative {
            if let baseline = c.baselineFact(row) { parts.append(baseline) }
            var actual = c.pick("实际 ", "actual ") + c.quantity(row.actual, unit: row.unit)
            if let date = row.actualDate { actual += c.pick("（\(date)）", " (\(date))") }
            parts.append(actual)
            if let due = row.due {
                parts.append(c.pick("应达 ", "expected ") + c.quantity(due, unit: row.unit, approximate: true))
            }
            if let gap = row.gap, gap > 0, row.unit == "%" {
                parts.append(c.pick("差 ", "short by ") + c.gapText(gap, unit: row.unit))
            }
            if let progress = row.progress {
                parts.append(
                    c.pick("进度 ", "progress ") + ProgressBar.render(progress, width: 12) + " "
                        + NumberText.percent(progress))
            }
            if let expected = row.expectedProgress, row.unit == "%" {
                parts.append(c.pick("序时进度 ", "schedule ") + NumberText.percent(expected))
            }
            if let lag = row.lag { parts.append(c.lagText(lag)) }
        }
        return parts.joined(separator: c.dot)
    }
}
