import RenewalModel
import RenewalText

/// Who has filed the last due period's return (DESIGN §4 "Reporting status of a unit", §5 `b`, the
/// bulletin's "not reported"): every unit that leads something, the unfinished items it must
/// report, how many of them are filed, its last report; 未报送 units first, then 未报齐, then 已报齐.
///
/// An item's period is filed when anyone reported on it in the period (a co-lead's report files it
/// for every lead unit). A unit's state follows from its items alone, so `b` never says 未报送 over
/// `2/2`. Finished items (已完成, 逾期完成 on the day judged) are not asked for. A report counts
/// for the unit's "last report" when it names the unit, or names none and the unit leads its item.
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
        /// Unfinished items it leads: targets, and measures without targets.
        public var items: Int
        /// Of those, how many have a report dated in the period.
        public var filed: Int
        /// 已报齐, 未报齐 or 未报送, from `filed` of `items`.
        public var state: UnitReturn
        /// Its latest report, if any.
        public var lastReport: String?
        /// The unfinished items it leads with no report in the period (what a 催办 is about).
        public var missing: [String]
    }

    /// A unit's return for the period (DESIGN §4): every unfinished item it leads filed, some, or none.
    public enum UnitReturn: String, Encodable, Sendable, Comparable {
        case none, partial, complete

        /// From the items filed of those asked for (a unit with nothing left to report is complete).
        init(filed: Int, of items: Int) {
            self = filed == items ? .complete : filed == 0 ? .none : .partial
        }

        /// 未报送 / 未报齐 / 已报齐: "未报齐" comes with the counts beside it.
        public func label(_ language: Language) -> String {
            switch self {
            case .none: return language.pick("未报送", "none")
            case .partial: return language.pick("未报齐", "partial")
            case .complete: return language.pick("已报齐", "filed")
            }
        }

        public static func < (a: UnitReturn, b: UnitReturn) -> Bool { a.order < b.order }
        var order: Int { self == .none ? 0 : self == .partial ? 1 : 2 }
    }

    let language: Language
    let width: Int

    enum CodingKeys: String, CodingKey {
        case asOf, periodStart, periodEnd, dueOn, units, sampleData
    }

    /// - Parameter evaluation: the plan judged on the day: its finished items are not asked for.
    public init(
        plan: Plan, evaluation: PlanEvaluation, reports: [LatestReport], language: Language, width: Int = 80,
        isSample: Bool = false
    ) {
        let asOf = evaluation.asOf
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
            let finished = evaluation.target(target.id)?.status.isFinished ?? false
            for unit in plan.leadUnits(forTarget: target.id) {
                led[unit, default: []].append(contentsOf: finished ? [] : [target.id])
            }
        }
        for measure in plan.measures where measure.targets.isEmpty {
            let finished = evaluation.measure(measure.number)?.status.isFinished ?? false
            for unit in measure.leadUnits {
                led[unit, default: []].append(contentsOf: finished ? [] : [measure.itemId])
            }
        }
        var latestByUnit: [String: Day] = [:]
        var filedItems = Set<String>()
        for report in reports where report.date <= asOf {
            if report.date >= start { filedItems.insert(report.itemId) }
            for unit in report.unit.map({ [$0] }) ?? plan.leadUnits(forItem: report.itemId) {
                if latestByUnit[unit].map({ report.date > $0 }) ?? true { latestByUnit[unit] = report.date }
            }
        }
        let rows = plan.units.compactMap { unit -> UnitRow? in
            guard let items = led[unit.name] else { return nil }
            let missing = items.filter { !filedItems.contains($0) }
            let filed = items.count - missing.count
            return UnitRow(
                unit: unit.name, short: unit.short, items: items.count, filed: filed,
                state: UnitReturn(filed: filed, of: items.count), lastReport: latestByUnit[unit.name]?.description,
                missing: missing)
        }
        // 未报送 first, then 未报齐 with the smaller share filed first; then the plan's order.
        units = rows.enumerated().sorted { a, b in
            if a.element.state != b.element.state { return a.element.state < b.element.state }
            let left = a.element.filed * b.element.items, right = b.element.filed * a.element.items
            if left != right { return left < right }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Units with none of their items filed for the period (未报送).
    public var notReported: [UnitRow] { units.filter { $0.state == .none } }

    /// Units with some but not all of their items filed (未报齐).
    public var partlyReported: [UnitRow] { units.filter { $0.state == .partial } }

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
        let complete = units.count - notReported.count - partlyReported.count
        lines.append(
            pick(
                "未报送 \(notReported.count) 个单位，未报齐 \(partlyReported.count) 个，已报齐 \(complete) 个",
                "\(notReported.count) units have filed nothing, \(partlyReported.count) part, \(complete) everything"))
        lines.append("")
        let nameWidth = max(16, width - 40)
        for row in units {
            let name = TextLayout.padRight(
                TextLayout.truncate(plan.unitName(row.unit, language), to: nameWidth, ellipsis: true), to: nameWidth)
            let mark = TextLayout.padRight(row.state.label(language), to: 7)
            let last = row.lastReport.map { pick("最近 ", "last ") + $0 } ?? pick("从未报送", "never reported")
            lines.append("\(name) \(mark)  \(row.filed)/\(row.items)  " + last)
        }
        return lines.map { TextLayout.truncate($0, to: width) }.joined(separator: "\n")
    }
}
