import RenewalModel
import RenewalText

/// `renewal overdue`: every overdue or lagging target, worst first, grouped by lead unit.
/// An item with two lead units appears under both: each department sees its whole list.
public struct OverdueReport: Encodable, Sendable {
    public var asOf: String
    /// Distinct targets listed.
    public var count: Int
    public var counts: [String: Int]
    public var groups: [Group]
    /// Targets with nothing reported yet that are not overdue (listed separately in text).
    public var notReported: Int
    /// Set when the report is limited to one unit.
    public var unit: String?

    public struct Group: Encodable, Sendable {
        /// The lead unit's full name ("" for overall targets without one).
        public var unit: String
        public var short: String
        /// "lead" for items the unit leads, "responsible" for items it shares.
        public var role: String
        public var items: [TargetRow]
    }

    let context: ReportContext
    /// True for the fictional sample data (`--demo`).
    public var sampleData: Bool

    enum CodingKeys: String, CodingKey {
        case asOf, count, counts, groups, notReported, unit, sampleData
    }

    /// Builds the report; with `unit`, only that unit's items (led, then shared).
    public init(context: ReportContext, unit: PlanUnit? = nil) {
        self.context = context
        sampleData = context.isSample
        asOf = context.evaluation.asOf.description
        self.unit = unit?.name
        let plan = context.plan
        let lagging = context.evaluation.targets.filter { $0.status.isOverdueOrLagging }.sorted(by: Ordering.worstFirst)
        count = lagging.count
        counts = StatusCounts(lagging.map(\.status)).dictionary
        notReported = context.evaluation.targets.filter { $0.status == .noReport }.count

        var groups: [Group] = []
        if let unit {
            let rows = lagging.compactMap { context.row($0) }
            let led = rows.filter { $0.leadUnits.contains(unit.name) }
            let shared = rows.filter { !$0.leadUnits.contains(unit.name) && $0.responsibleUnits.contains(unit.name) }
            if !led.isEmpty { groups.append(Group(unit: unit.name, short: unit.short, role: "lead", items: led)) }
            if !shared.isEmpty {
                groups.append(Group(unit: unit.name, short: unit.short, role: "responsible", items: shared))
            }
            count = Set((led + shared).map(\.id)).count
            counts = StatusCounts((led + shared).map(\.status)).dictionary
        } else {
            groups = Ordering.lateByLeadUnit(context.evaluation, plan: plan).map { name, items in
                Group(
                    unit: name, short: name.isEmpty ? "" : plan.unitName(name, .zh, short: true), role: "lead",
                    items: items.compactMap { context.row($0) })
            }
        }
        self.groups = groups
    }

    /// The report as text lines that fit `context.width`.
    public func text() -> String {
        let c = context
        let width = c.width
        var lines: [String] = c.sampleBanner
        let scope = unit.map { c.pick("：\($0)", ": \(c.unitName($0))") } ?? ""
        lines.append(
            TextLayout.truncate(
                c.pick("逾期、滞后及临期事项（截至 \(asOf)）", "Overdue, lagging and due-soon items as of \(asOf)") + scope,
                to: width, ellipsis: true))
        if count == 0 {
            lines.append(c.pick("没有逾期、滞后或临期的事项。", "Nothing is overdue, lagging or due soon."))
        } else {
            let parts = Status.worstFirst.filter { (counts[$0.code] ?? 0) > 0 }
                .map { "\($0.mark) \($0.label(c.language)) \(counts[$0.code] ?? 0)" }
            lines.append(
                contentsOf: TextLayout.wrap(
                    c.pick("共 \(count) 项：", "\(count) items: ") + parts.joined(separator: c.dot), width: width))
        }
        let statusWidth = c.statusWidth
        for group in groups {
            lines.append("")
            let name =
                group.unit.isEmpty
                ? c.pick("总体目标（未指定牵头单位）", "Overall targets (no lead unit)")
                : c.unitName(group.unit)
            let role = group.role == "responsible" ? c.pick("（作为责任单位）", " (as responsible unit)") : ""
            lines.append(
                TextLayout.truncate(
                    "【\(name)】\(role) " + c.pick("\(group.items.count) 项", "\(group.items.count)"), to: width,
                    ellipsis: true))
            for row in group.items {
                let period = row.year.map { c.pick("（\($0)年度）", " (\($0))") } ?? ""
                let head =
                    "  " + TextLayout.padRight(c.statusText(row.status), to: statusWidth)
                    + " " + TextLayout.padRight(row.id, to: 6) + " "
                lines.append(
                    head
                        + TextLayout.truncate(
                            row.description + period, to: width - DisplayWidth.of(head), ellipsis: true))
                let indent = String(repeating: " ", count: 4)
                lines.append(contentsOf: TextLayout.wrap(facts(row), width: width - 4).map { indent + $0 })
            }
        }
        if notReported > 0 && unit == nil {
            lines.append("")
            lines.append(
                TextLayout.truncate(
                    c.pick(
                        "另有 \(notReported) 项指标尚无报送（未到期，见 renewal summary）。",
                        "\(notReported) more targets have no report yet (not due; see renewal summary)."), to: width))
        }
        return lines.map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
    }

    /// 目标 >=50家，实际 无，应达 50家，差距 50家，截止 2025-12-31，（二）
    func facts(_ row: TargetRow) -> String {
        let c = context
        var parts = [c.pick("目标 ", "goal ") + row.goalText]
        if row.kind == .quantitative {
            // The starting figure explains a progress below zero (a figure under its baseline).
            if let baseline = c.baselineFact(row) { parts.append(baseline) }
            parts.append(c.pick("实际 ", "actual ") + c.quantity(row.actual, unit: row.unit))
            if row.status == .overdue {
                if let goal = row.goal { parts.append(c.pick("应达 ", "due ") + c.quantity(goal, unit: row.unit)) }
            } else if let expected = row.expected {
                parts.append(c.pick("应达 ", "expected ") + c.quantity(expected, unit: row.unit, approximate: true))
            }
            if let gap = row.gap, gap > 0 { parts.append(c.pick("差距 ", "gap ") + c.gapText(gap, unit: row.unit)) }
            if row.status != .overdue {
                if let progress = c.progressText(row) { parts.append(progress) }
                if let lag = row.lag { parts.append(c.lagText(lag)) }
            }
        }
        if let deadline = row.deadline { parts.append(c.pick("截止 ", "due ") + deadline) }
        if let number = row.measure, let measure = c.plan.measure(number: number) {
            parts.append(c.language == .zh ? measure.label : "measure \(number)")
        } else {
            parts.append(c.pick("总体目标", "overall target"))
        }
        if !row.markers.isEmpty {
            parts.append(c.markersText(row.markers))
        }
        return parts.joined(separator: c.dot)
    }
}
