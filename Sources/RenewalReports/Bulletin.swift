import RenewalModel
import RenewalText

/// The monthly bulletin (通报) of the task force (DESIGN §1): the overall situation and its change
/// since the previous month, highlights, overdue and lagging items by lead unit, flagged items, and
/// the units that have not reported for the period. Rendered as Markdown, HTML or CSV rows.
public struct Bulletin: Encodable, Sendable {
    public var title: String
    public var asOf: String
    /// The comparison date: the same day a month earlier.
    public var previousAsOf: String
    /// Reports dated from this day up to `asOf` count as this period's returns.
    public var periodStart: String
    public var sampleData: Bool
    public var situation: [StatusLine]
    public var measureCounts: [String: Int]
    public var highlights: [TargetRow]
    public var overdue: [OverdueReport.Group]
    public var flagged: [FlaggedItem]
    public var notReported: [UnitLine]

    public struct StatusLine: Encodable, Sendable {
        public var status: Status
        public var label: String
        public var count: Int
        public var previous: Int
        public var change: Int
    }

    public struct FlaggedItem: Encodable, Sendable {
        public var flag: SupervisionFlag
        public var title: String
        public var status: Status
        public var statusLabel: String
        public var leadUnits: [String]
    }

    public struct UnitLine: Encodable, Sendable {
        public var unit: String
        public var short: String
        /// Items the unit leads (targets and measures without targets).
        public var items: Int
        /// Date of its latest report, if any.
        public var lastReport: String?
    }

    let context: ReportContext

    enum CodingKeys: String, CodingKey {
        case title, asOf, previousAsOf, periodStart, sampleData, situation, measureCounts, highlights, overdue, flagged, notReported
    }

    public init(context: ReportContext) {
        self.context = context
        let plan = context.plan
        let now = context.evaluation
        let asOfDay = now.asOf
        let previousDay = Bulletin.monthBefore(asOfDay)
        let flaggedIds = Set(context.flags.map(\.itemId))
        let before = StatusEngine(plan: plan).evaluate(entries: context.entries, flagged: flaggedIds, asOf: previousDay)
        title = context.pick("\(plan.title)工作进展通报", "Progress bulletin: \(plan.titleEn)")
        asOf = asOfDay.description
        previousAsOf = previousDay.description
        // Who has not filed: nothing dated in the last due period or since (DESIGN §4 "Reporting
        // periods"), so a unit is not named in January for a return not yet due.
        let rules = StatusRules.standard
        let start = rules.periodStart(endingOn: rules.lastDuePeriodEnd(asOf: asOfDay))
        periodStart = start.description
        sampleData = context.isSample

        let counts = now.targetCounts
        let previousCounts = before.targetCounts
        situation = Status.worstFirst.map {
            StatusLine(status: $0, label: $0.label(context.language), count: counts[$0], previous: previousCounts[$0],
                       change: counts[$0] - previousCounts[$0])
        }
        measureCounts = now.measureCounts.dictionary

        // Highlights: done since the previous bulletin, then ahead of schedule.
        let previousById = Dictionary(before.targets.map { ($0.targetId, $0) }, uniquingKeysWith: { a, _ in a })
        let newlyDone = now.targets.filter { $0.status.isFinished && !(previousById[$0.targetId]?.status.isFinished ?? false) }
        let ahead = now.targets.filter { $0.status == .onTrack && ($0.lag ?? 0) <= -5 }.sorted { ($0.lag ?? 0) < ($1.lag ?? 0) }
        highlights = (newlyDone + ahead).compactMap { context.row($0) }

        overdue = OverdueReport(context: context).groups
        flagged = context.flags.map { flag in
            let target = plan.target(id: flag.itemId)
            let measure = plan.measure(itemId: flag.itemId)
            let status = now.target(flag.itemId)?.status ?? measure.flatMap { now.measure($0.number)?.status } ?? .noReport
            return FlaggedItem(flag: flag,
                               title: target.map(context.description) ?? measure.map { context.pick($0.title, $0.titleEn) } ?? flag.itemId,
                               status: status, statusLabel: status.label(context.language),
                               leadUnits: plan.leadUnits(forItem: flag.itemId))
        }
        notReported = Bulletin.silentUnits(plan: plan, entries: context.entries, from: start, to: asOfDay)
    }

    /// The same day one month earlier (clamped to the month's length).
    static func monthBefore(_ day: Day) -> Day {
        let year = day.month == 1 ? day.year - 1 : day.year
        let month = day.month == 1 ? 12 : day.month - 1
        return Day(year: year, month: month, day: min(day.day, Day.daysIn(month: month, year: year))) ?? day
    }

    /// Units that lead something and have no report dated in [from, to]. A report counts for its
    /// reporting unit, or, when it names none, for the lead units of its item.
    static func silentUnits(plan: Plan, entries: [ProgressEntry], from: Day, to: Day) -> [UnitLine] {
        var ledItems: [String: Int] = [:]
        for target in plan.allTargets { for unit in plan.leadUnits(forTarget: target.id) { ledItems[unit, default: 0] += 1 } }
        for measure in plan.measures where measure.targets.isEmpty { for unit in measure.leadUnits { ledItems[unit, default: 0] += 1 } }
        var latest: [String: Day] = [:]
        var reported: Set<String> = []
        for entry in entries where !entry.isBaseline && entry.date <= to {
            let units = entry.reportingUnit.map { [$0] } ?? plan.leadUnits(forItem: entry.itemId)
            for unit in units {
                if latest[unit].map({ entry.date > $0 }) ?? true { latest[unit] = entry.date }
                if entry.date >= from { reported.insert(unit) }
            }
        }
        return plan.units.compactMap { unit in
            guard let items = ledItems[unit.name], !reported.contains(unit.name) else { return nil }
            return UnitLine(unit: unit.name, short: unit.short, items: items, lastReport: latest[unit.name]?.description)
        }
    }

    // MARK: - Markdown

    public func markdown() -> String {
        let c = context
        var out: [String] = []
        if c.isSample { out.append("> " + c.pick("**示例数据**：以下为虚构的示例数据，仅供演示，不代表实际进展。", "**Sample data**: fictional figures for demonstration only.")); out.append("") }
        out.append("# \(title)")
        out.append("")
        out.append(c.pick("截至 \(asOf)（上期 \(previousAsOf)）", "As of \(asOf) (previous: \(previousAsOf))"))
        out.append("")
        out.append(c.pick("## 一、总体情况", "## 1. Overall situation"))
        out.append("")
        out.append(c.pick(situationSentence(), situationSentence()))
        out.append("")
        out.append(c.pick("| 状态 | 指标数 | 上期 | 变化 |", "| Status | Targets | Previous | Change |"))
        out.append("|---|---:|---:|---:|")
        for line in situation where line.count > 0 || line.previous > 0 {
            out.append("| \(mark(line.status)) \(line.label) | \(line.count) | \(line.previous) | \(signed(line.change)) |")
        }
        out.append("")
        out.append(c.pick("## 二、工作亮点", "## 2. Highlights"))
        out.append("")
        if highlights.isEmpty { out.append(c.pick("本期无新完成或超序时进度的指标。", "Nothing newly done or ahead of schedule.")) }
        for row in highlights { out.append("- **\(row.id)** \(md(row.description))：\(md(highlightText(row)))") }
        out.append("")
        out.append(c.pick("## 三、逾期、滞后及临期事项", "## 3. Overdue, lagging and due-soon items"))
        out.append("")
        if overdue.isEmpty { out.append(c.pick("无。", "None.")) }
        for group in overdue {
            out.append("### \(md(groupName(group)))（\(group.items.count)）")
            out.append("")
            out.append(c.pick("| 编号 | 指标 | 状态 | 应达 | 实际 | 差距 | 截止日期 |", "| Id | Target | Status | Due | Actual | Gap | Deadline |"))
            out.append("|---|---|---|---:|---:|---:|---|")
            for row in group.items {
                out.append("| \(row.id) | \(md(row.description + period(row))) | \(mark(row.status)) \(row.statusLabel) | \(md(due(row))) | \(md(c.quantity(row.actual, unit: row.unit))) | \(md(gap(row))) | \(row.deadline ?? "-") |")
            }
            out.append("")
        }
        out.append(c.pick("## 四、督办事项", "## 4. Flagged for supervision"))
        out.append("")
        if flagged.isEmpty { out.append(c.pick("无。", "None.")) }
        for item in flagged {
            let follow = item.flag.followUp.map { c.pick("，反馈期限 \($0)", ", follow up by \($0)") } ?? ""
            out.append("- **\(item.flag.itemId)** \(md(item.title))（\(mark(item.status)) \(item.statusLabel)）：\(md(item.flag.note))（\(md(item.flag.flaggedBy))，\(item.flag.flaggedAt.prefix(10))\(follow)）")
        }
        out.append("")
        out.append(c.pick("## 五、未报送单位", "## 5. Units that have not reported"))
        out.append("")
        out.append(c.pick("\(periodStart) 至 \(asOf) 期间无报送：", "No report dated \(periodStart) to \(asOf):"))
        out.append("")
        if notReported.isEmpty { out.append(c.pick("各牵头单位均已报送。", "Every lead unit has reported.")) }
        for unit in notReported {
            let last = unit.lastReport.map { c.pick("最近一次报送 \($0)", "last report \($0)") } ?? c.pick("从未报送", "never reported")
            out.append("- \(md(c.unitName(unit.unit)))（" + c.pick("牵头 \(unit.items) 项，", "leads \(unit.items), ") + "\(last)）")
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    // MARK: - HTML

    /// A single self-contained HTML file that prints well (A4, tables unbroken, no external assets).
    public func html() -> String {
        let c = context
        var body: [String] = []
        if c.isSample { body.append("<p class=\"sample\">\(h(c.pick("示例数据：以下为虚构的示例数据，仅供演示，不代表实际进展。", "Sample data: fictional figures for demonstration only.")))</p>") }
        body.append("<h1>\(h(title))</h1>")
        body.append("<p class=\"asof\">\(h(c.pick("截至 \(asOf)（上期 \(previousAsOf)）", "As of \(asOf) (previous: \(previousAsOf))")))</p>")
        body.append("<h2>\(h(c.pick("一、总体情况", "1. Overall situation")))</h2>")
        body.append("<p>\(h(situationSentence()))</p>")
        body.append("<table><thead><tr><th>\(h(c.pick("状态", "Status")))</th><th class=\"n\">\(h(c.pick("指标数", "Targets")))</th><th class=\"n\">\(h(c.pick("上期", "Previous")))</th><th class=\"n\">\(h(c.pick("变化", "Change")))</th></tr></thead><tbody>")
        for line in situation where line.count > 0 || line.previous > 0 {
            body.append("<tr class=\"s-\(line.status)\"><td>\(h(mark(line.status))) \(h(line.label))</td><td class=\"n\">\(line.count)</td><td class=\"n\">\(line.previous)</td><td class=\"n\">\(h(signed(line.change)))</td></tr>")
        }
        body.append("</tbody></table>")
        body.append("<h2>\(h(c.pick("二、工作亮点", "2. Highlights")))</h2>")
        if highlights.isEmpty {
            body.append("<p>\(h(c.pick("本期无新完成或超序时进度的指标。", "Nothing newly done or ahead of schedule.")))</p>")
        } else {
            body.append("<ul>" + highlights.map { "<li><b>\(h($0.id))</b> \(h($0.description))：\(h(highlightText($0)))</li>" }.joined() + "</ul>")
        }
        body.append("<h2>\(h(c.pick("三、逾期、滞后及临期事项", "3. Overdue, lagging and due-soon items")))</h2>")
        if overdue.isEmpty { body.append("<p>\(h(c.pick("无。", "None.")))</p>") }
        for group in overdue {
            body.append("<h3>\(h(groupName(group)))（\(group.items.count)）</h3>")
            body.append("<table><thead><tr>" + c.pick(["编号", "指标", "状态", "应达", "实际", "差距", "截止日期"], ["Id", "Target", "Status", "Due", "Actual", "Gap", "Deadline"]).map { "<th>\(h($0))</th>" }.joined() + "</tr></thead><tbody>")
            for row in group.items {
                body.append("<tr class=\"s-\(row.status)\"><td>\(h(row.id))</td><td>\(h(row.description + period(row)))</td><td class=\"st\">\(h(mark(row.status))) \(h(row.statusLabel))</td><td class=\"n\">\(h(due(row)))</td><td class=\"n\">\(h(c.quantity(row.actual, unit: row.unit)))</td><td class=\"n\">\(h(gap(row)))</td><td>\(h(row.deadline ?? "-"))</td></tr>")
            }
            body.append("</tbody></table>")
        }
        body.append("<h2>\(h(c.pick("四、督办事项", "4. Flagged for supervision")))</h2>")
        if flagged.isEmpty { body.append("<p>\(h(c.pick("无。", "None.")))</p>") }
        else {
            body.append("<ul>" + flagged.map { item in
                let follow = item.flag.followUp.map { c.pick("，反馈期限 \($0)", ", follow up by \($0)") } ?? ""
                return "<li><b>\(h(item.flag.itemId))</b> \(h(item.title))（\(h(mark(item.status))) \(h(item.statusLabel))）：\(h(item.flag.note))（\(h(item.flag.flaggedBy))，\(h(String(item.flag.flaggedAt.prefix(10))))\(h(follow))）</li>"
            }.joined() + "</ul>")
        }
        body.append("<h2>\(h(c.pick("五、未报送单位", "5. Units that have not reported")))</h2>")
        body.append("<p>\(h(c.pick("\(periodStart) 至 \(asOf) 期间无报送：", "No report dated \(periodStart) to \(asOf):")))</p>")
        if notReported.isEmpty { body.append("<p>\(h(c.pick("各牵头单位均已报送。", "Every lead unit has reported.")))</p>") }
        else {
            body.append("<ul>" + notReported.map { unit in
                let last = unit.lastReport.map { c.pick("最近一次报送 \($0)", "last report \($0)") } ?? c.pick("从未报送", "never reported")
                return "<li>\(h(c.unitName(unit.unit)))（\(h(c.pick("牵头 \(unit.items) 项，", "leads \(unit.items), ")))\(h(last))）</li>"
            }.joined() + "</ul>")
        }
        return """
        <!DOCTYPE html>
        <html lang="\(c.language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <title>\(h(title))</title>
        <style>
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; line-height: 1.5; color: #111; max-width: 60em; margin: 2em auto; }
        h1 { font-size: 18pt; text-align: center; margin-bottom: 0.2em; }
        .asof { text-align: center; color: #444; margin-top: 0; }
        h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
        h3 { font-size: 12pt; margin-bottom: 0.3em; }
        table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
        th, td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
        th { background: #eee; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        td.st { white-space: nowrap; }
        tr.s-overdue td.st { color: #b00020; font-weight: bold; }
        tr.s-severelyBehind td.st { color: #c05000; font-weight: bold; }
        tr.s-behind td.st { color: #8a6d00; }
        .sample { border: 2px solid #c05000; padding: 0.4em 0.8em; color: #c05000; font-weight: bold; }
        @media print { body { margin: 0; max-width: none; } tr, li { page-break-inside: avoid; } h2, h3 { page-break-after: avoid; } }
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    // MARK: - CSV

    /// Header and rows for the CSV form: one table with a section column, for Excel/WPS.
    public func csvTable() -> (header: [String], rows: [[ReportCell]]) {
        let c = context
        let header = c.pick(["部分", "单位", "编号", "指标", "状态", "目标", "应达", "实际", "差距", "截止日期", "说明"],
                            ["Section", "Unit", "Id", "Target", "Status", "Goal", "Due", "Actual", "Gap", "Deadline", "Note"])
        var rows: [[ReportCell]] = []
        let sample = c.isSample ? c.pick("示例数据", "sample data") : ""
        for line in situation where line.count > 0 || line.previous > 0 {
            rows.append([.text(c.pick("总体情况", "Situation")), .text(""), .text(""), .text(""), .text(line.label),
                         .text(""), .number(Double(line.previous)), .number(Double(line.count)), .number(Double(line.change)),
                         .text(""), .text(c.pick("指标数：本期、上期、变化", "targets: now, previous, change") + (sample.isEmpty ? "" : "；" + sample))])
        }
        for row in highlights {
            rows.append([.text(c.pick("工作亮点", "Highlight")), .text(row.leadUnits.first.map { c.unitName($0) } ?? ""), .text(row.id),
                         .text(row.description), .text(row.statusLabel), .text(row.goalText), .number(row.expected), .number(row.actual),
                         .number(nil), .text(row.deadline ?? ""), .text(sample)])
        }
        for group in overdue {
            for row in group.items {
                let due = row.status == .overdue ? row.goal : row.expected
                rows.append([.text(c.pick("逾期滞后临期", "Overdue")), .text(group.unit.isEmpty ? c.pick("总体目标", "Overall") : c.unitName(group.unit)),
                             .text(row.id), .text(row.description + period(row)), .text(row.statusLabel), .text(row.goalText),
                             .number(due), .number(row.actual), .number(row.gap), .text(row.deadline ?? ""), .text(sample)])
            }
        }
        for item in flagged {
            rows.append([.text(c.pick("督办", "Flagged")), .text(item.leadUnits.first.map { c.unitName($0) } ?? ""), .text(item.flag.itemId),
                         .text(item.title), .text(item.statusLabel), .text(""), .number(nil), .number(nil), .number(nil),
                         .text(item.flag.followUp ?? ""), .text(item.flag.note)])
        }
        for unit in notReported {
            rows.append([.text(c.pick("未报送", "Not reported")), .text(c.unitName(unit.unit)), .text(""), .text(""), .text(""),
                         .text(""), .number(nil), .number(nil), .number(nil), .text(""),
                         .text(unit.lastReport.map { c.pick("最近一次报送 \($0)", "last report \($0)") } ?? c.pick("从未报送", "never reported"))])
        }
        return (header, rows)
    }

    // MARK: - Pieces

    func situationSentence() -> String {
        let c = context
        let total = situation.reduce(0) { $0 + $1.count }
        let parts = situation.filter { $0.count > 0 }.map { line -> String in
            let change = line.change == 0 ? "" : c.pick("（较上期\(line.change > 0 ? "增加" : "减少")\(abs(line.change))）", " (\(signed(line.change)))")
            return "\(line.label) \(line.count)\(change)"
        }
        return c.pick("全部 \(total) 项指标中，", "Of \(total) targets: ") + parts.joined(separator: c.pick("，", ", ")) + c.pick("。", ".")
    }

    func highlightText(_ row: TargetRow) -> String {
        let c = context
        if row.status.isFinished {
            return row.statusLabel + (row.actual.map { "，" + c.pick("实际 ", "actual ") + c.quantity($0, unit: row.unit) } ?? "")
        }
        return c.lagText(row.lag ?? 0) + (row.actual.map { c.pick("，实际 ", ", actual ") + c.quantity($0, unit: row.unit) } ?? "")
    }

    func groupName(_ group: OverdueReport.Group) -> String {
        group.unit.isEmpty ? context.pick("总体目标（未指定牵头单位）", "Overall targets (no lead unit)") : context.unitName(group.unit)
    }

    func period(_ row: TargetRow) -> String {
        // Year-to-date targets (annual ones included) are judged for a year: say which.
        guard let year = row.year, context.plan.target(id: row.id)?.reading == .yearToDate else { return "" }
        return context.pick("（\(year)年度）", " (\(year))")
    }

    func due(_ row: TargetRow) -> String {
        guard row.kind == .quantitative else { return row.goalText }
        let value = row.status == .overdue ? row.goal : row.expected
        return value.map { context.quantity($0, unit: row.unit, approximate: true) } ?? "-"
    }

    func gap(_ row: TargetRow) -> String {
        guard let gap = row.gap, gap > 0 else { return "-" }
        return context.gapText(gap, unit: row.unit)
    }

    func mark(_ status: Status) -> String { status.mark }

    func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

    /// Markdown-safe text from the store: control characters made visible, line breaks
    /// flattened (a table row is one line), and every character Markdown would act on
    /// (emphasis, links, code, inline HTML, table pipes) escaped with a backslash.
    func md(_ text: String) -> String {
        var out = ""
        for character in ControlCharacters.visible(text, allowing: [.newline]) {
            switch character {
            case "\n", "\r\n": out += " "
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// HTML-escaped text, control characters made visible.
    func h(_ text: String) -> String {
        var out = ""
        for character in ControlCharacters.visible(text, allowing: [.newline]) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// A cell of a report table: text, or a number that a spreadsheet should treat as one.
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case number(Double?)
}

extension Language {
    func pick<T>(_ zh: T, _ en: T) -> T { self == .zh ? zh : en }
}

extension ReportContext {
    func pick<T>(_ zh: T, _ en: T) -> T { language.pick(zh, en) }
}
