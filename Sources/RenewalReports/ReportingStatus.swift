import RenewalModel
import RenewalText

/// Who has filed the last due period's return (DESIGN §5 `b`, the bulletin's "not reported"): every
/// unit that leads something, the items it must report, how many of them have a report in the
/// period, its last report, units with nothing in the period first.
///
/// A report counts for its reporting unit, or, when it names none, for the lead units of its item.
/// An item is filed when anyone reported on it in the period.
public struct ReportingStatus: Encodable, Sendable {
    public var asOf: String
    /// The period whose return is due: its first and last day, and the day it fell due.
    public var periodStart: String
    public var periodEnd: String
    public var dueOn: String
    public var units: [UnitRow]
    public var sampleData: Bool

    public struct UnitRow: Encodable, Sendable, Equatable {
        public var unit: String
        public var short: String
        /// Items it leads: targets, and measures without targets.
        public var items: Int
        /// Of those, how many have a report dated in the period.
        public var filed: Int
        /// Whether any report in the period counts for the unit.
        public var reported: Bool
        /// Its latest report, if any.
        public var lastReport: String?
        /// The items it leads with no report in the period (what a 催办 is about).
        public var missing: [String]
    }

    let language: Language
    let width: Int

    enum CodingKeys: String, CodingKey {
        case asOf, periodStart, periodEnd, dueOn, units, sampleData
    }

    public init(
        plan: Plan, reports: [LatestReport], asOf: Day, language: Language, width: Int = 80, isSample: Bool = false
    ) {
        self.language = language
        self.width = width
        sampleData = isSample
        let rules = StatusRules.standard
        let end = rules.lastDuePeriodEnd(asOf: asOf)
        let start = rules.periodStart(endingOn: end)
        self.asOf = asOf.description
        periodStart = start.description
        periodEnd = end.description
        dueOn = Day(ordinal: end.ordinal + rules.returnDueDay).description
        var led: [String: [String]] = [:]
        for target in plan.allTargets {
            for unit in plan.leadUnits(forTarget: target.id) { led[unit, default: []].append(target.id) }
        }
        for measure in plan.measures where measure.targets.isEmpty {
            for unit in measure.leadUnits { led[unit, default: []].append(measure.itemId) }
        }
        var latestByUnit: [String: Day] = [:]
        var reportedUnits = Set<String>()
        var filedItems = Set<String>()
        for report in reports where report.date <= asOf {
            if report.date >= start { filedItems.insert(report.itemId) }
            for unit in report.unit.map({ [$0] }) ?? plan.leadUnits(forItem: report.itemId) {
                if latestByUnit[unit].map({ report.date > $0 }) ?? true { latestByUnit[unit] = report.date }
                if report.date >= start { reportedUnits.insert(unit) }
            }
        }
        let rows = plan.units.compactMap { unit -> UnitRow? in
            guard let items = led[unit.name] else { return nil }
            let missing = items.filter { !filedItems.contains($0) }
            return UnitRow(
                unit: unit.name, short: unit.short, items: items.count, filed: items.count - missing.count,
                reported: reportedUnits.contains(unit.name), lastReport: latestByUnit[unit.name]?.description,
                missing: missing)
        }
        // Not reported first; then the smaller share filed; then the plan's order.
        units = rows.enumerated().sorted { a, b in
            if a.element.reported != b.element.reported { return !a.element.reported }
            let left = a.element.filed * b.element.items, right = b.element.filed * a.element.items
            if left != right { return left < right }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Units with nothing in the period.
    public var notReported: [UnitRow] { units.filter { !$0.reported } }

    /// The report as text lines that fit the width.
    public func text(plan: Plan) -> String {
        let pick = language.pick
        var lines: [String] =
            sampleData
            ? TextLayout.wrap(
                pick(
                    "【示例数据】以下为虚构的示例数据，仅供演示，不代表实际进展。",
                    "[SAMPLE DATA] Fictional figures for demonstration only."), width: width)
            : []
        lines.append(
            contentsOf: TextLayout.wrap(
                pick(
                    "报送情况：\(periodStart) 至 \(periodEnd) 的报表，\(dueOn) 截止（截至 \(asOf)）",
                    "Reporting: the return for \(periodStart) to \(periodEnd), due \(dueOn) (as of \(asOf))"),
                width: width))
        lines.append(
            pick(
                "未报送 \(notReported.count) 个单位，已报送 \(units.count - notReported.count) 个",
                "\(notReported.count) units have not reported, \(units.count - notReported.count) have"))
        lines.append("")
        let nameWidth = max(16, width - 40)
        for row in units {
            let name = TextLayout.padRight(
                TextLayout.truncate(plan.unitName(row.unit, language), to: nameWidth, ellipsis: true), to: nameWidth)
            let mark = row.reported ? pick("已报", "filed") : pick("未报", "none ")
            let last = row.lastReport.map { pick("最近 ", "last ") + $0 } ?? pick("从未报送", "never reported")
            lines.append("\(name) \(mark)  \(row.filed)/\(row.items)  " + last)
        }
        return lines.map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
    }
}
