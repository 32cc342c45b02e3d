import RenewalModel

/// A 催办 worked out before it is written (DESIGN §4 "Reporting status of a unit"): exactly the
/// unfinished items that lack the period's return, one flag per item naming its lead units, the
/// units those flags reach, and the items left alone because a flag is already open on them.
/// The dashboard (`b`, `f` / `F`) and `renewal remind` write the same thing from it.
public struct Reminder: Sendable, Equatable, Encodable {
    /// One item to flag, with the lead units the flag names.
    public struct Item: Sendable, Equatable, Encodable {
        public var itemId: String
        public var leadUnits: [String]
    }

    /// The period whose return is missing, and the day it was due.
    public var periodStart: String
    public var periodEnd: String
    public var dueOn: String
    /// The unit asked about, when the 催办 is for one unit only.
    public var unit: String?
    /// The items to flag, in plan order.
    public var items: [Item]
    /// Items that lack the return but already have an open flag: not flagged twice.
    public var alreadyFlagged: [String]
    /// The units the new flags reach (lead units of the items), in plan order.
    public var units: [String]

    /// - Parameters:
    ///   - status: the reporting status on the day (today, for a write).
    ///   - openFlags: items with a flag open now.
    ///   - unit: one unit's missing items only (its row in `b`), or every unit's.
    public init(status: ReportingStatus, plan: Plan, openFlags: Set<String>, unit: String? = nil) {
        periodStart = status.periodStart
        periodEnd = status.periodEnd
        dueOn = status.dueOn
        self.unit = unit
        let missing = Set(status.units.filter { unit == nil || $0.unit == unit }.flatMap(\.missing))
        var order: [String: Int] = [:]
        for (index, id) in (plan.allTargets.map(\.id) + plan.measures.map(\.itemId)).enumerated() {
            order[id] = order[id] ?? index
        }
        let ordered = missing.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
        alreadyFlagged = ordered.filter { openFlags.contains($0) }
        items = ordered.filter { !openFlags.contains($0) }.map {
            Item(itemId: $0, leadUnits: plan.leadUnits(forItem: $0))
        }
        let reached = Set(items.flatMap(\.leadUnits))
        units = plan.units.map(\.name).filter { reached.contains($0) }
    }

    public var isEmpty: Bool { items.isEmpty }

    /// The note a 催办 carries unless the user writes another: the period asked for and when it was due.
    public func defaultNote(_ language: Language) -> String {
        let month = String(periodEnd.prefix(7))
        return language.pick(
            "请尽快报送 \(month) 月进展（应于 \(dueOn) 前报送）",
            "Please file the return for \(month) (it was due by \(dueOn))")
    }

    /// What an empty reminder says: nothing lacks the return, or everything that does is flagged.
    public func nothingToRemind(plan: Plan, _ language: Language) -> String {
        if !alreadyFlagged.isEmpty {
            return language.pick(
                "缺报的 \(alreadyFlagged.count) 项都已在督办中，未重复催办",
                "The \(alreadyFlagged.count) missing items are all flagged already; nothing added")
        }
        guard let unit else { return language.pick("各单位都没有缺报的事项，无需催办", "No unit lacks a return: nothing to remind") }
        let name = plan.unitName(unit, language)
        return language.pick("\(name)没有缺报的事项，无需催办", "\(name) has filed everything asked for: nothing to remind")
    }

    /// "催办 3 个单位（4 项）", and what was left alone.
    public func summary(_ language: Language, done: Bool) -> String {
        var text =
            done
            ? language.pick(
                "已催办 \(units.count) 个单位（\(items.count) 项）",
                "Reminded \(language.count(units.count, "", "unit")) (\(language.count(items.count, "", "item")))")
            : language.pick(
                "催办 \(units.count) 个单位（\(items.count) 项）",
                "Remind \(language.count(units.count, "", "unit")) (\(language.count(items.count, "", "item")))")
        if !alreadyFlagged.isEmpty {
            text += language.pick(
                "；另有 \(alreadyFlagged.count) 项已在督办中，不重复催办",
                "; \(language.count(alreadyFlagged.count, "", "more item")) already flagged, left as they are")
        }
        return text
    }
}
