import Foundation
import RenewalModel
import Testing

@testable import RenewalStore

/// A verdict changes only for a reason (DESIGN §4): walking every day of the plan on the sample
/// data, from before its start to after its end, any item whose status differs from the day
/// before must have one of the reasons the design lists on that day. A department can contest a
/// verdict that moved on a day when nothing happened; this test makes sure none does.
@Suite("Every day of the plan")
struct VerdictWalkTests {
    let plan: Plan
    let entries: [ProgressEntry]
    let rules = StatusRules.standard

    init() throws {
        let sample = try StatusRulesOnThePlanTests()
        plan = sample.plan
        entries = sample.entries
    }

    /// The targets an item's verdict depends on: itself, or a measure's targets.
    func targets(of item: String) -> [Target] {
        if let target = plan.target(id: item) { return [target] }
        return plan.measure(itemId: item)?.targets ?? []
    }

    /// The deadlines that apply to `target` between `first` and `last`: its own, or each year's end
    /// for an annual target.
    func deadlines(of target: Target, through last: Day) -> [Day] {
        if let deadline = target.deadline { return [deadline] }
        guard target.recurrence == .annual else { return [] }
        return (plan.startDate.year...last.year).map { Day.endOfYear($0) }
    }

    /// Why `item`'s verdict may change on `day`, or nil when nothing happened that day.
    func reason(for item: String, on day: Day, datedByItem: [String: [Day]]) -> String? {
        let items = [item] + targets(of: item).map(\.id)
        if items.contains(where: { datedByItem[$0]?.contains(day) ?? false }) { return "an entry of the item" }
        if day.day == rules.returnDueDay + 1 { return "a return fell due (the 11th)" }
        if day == plan.startDate { return "the plan's start" }
        for target in targets(of: item) {
            for deadline in deadlines(of: target, through: day) {
                if day == deadline.adding(days: -rules.dueSoonDays) { return "the due-soon window opens" }
                if day == deadline.adding(days: 1) {
                    let periodStart = rules.periodStart(
                        endingOn: Day.endOfMonth(year: deadline.year, month: deadline.month))
                    let finalIn = (datedByItem[target.id] ?? []).contains { $0 >= periodStart && $0 <= day }
                    if finalIn { return "the day after a deadline with its period's figure in" }
                }
            }
        }
        return nil
    }

    @Test func aVerdictChangesOnlyForAReason() throws {
        let engine = StatusEngine(plan: plan)
        var datedByItem: [String: [Day]] = [:]
        for entry in entries where !entry.isBaseline { datedByItem[entry.itemId, default: []].append(entry.date) }
        let items = plan.allTargets.map(\.id) + plan.measures.map(\.itemId)
        let first = try #require(Day("2024-03-01"))
        let last = try #require(Day("2028-02-29"))
        func verdicts(_ day: Day) -> [String: Status] {
            let evaluation = engine.evaluate(entries: entries, asOf: day)
            var result: [String: Status] = [:]
            for target in plan.allTargets { result[target.id] = evaluation.target(target.id)?.status }
            for measure in plan.measures { result[measure.itemId] = evaluation.measure(measure.number)?.status }
            return result
        }
        var previous = verdicts(first)
        var day = first.adding(days: 1)
        var days = 0
        var changes = 0
        var unexplained: [String] = []
        while day <= last {
            let now = verdicts(day)
            for item in items where now[item] != previous[item] {
                changes += 1
                if reason(for: item, on: day, datedByItem: datedByItem) == nil {
                    let before = previous[item].map { "\($0)" } ?? "-"
                    let after = now[item].map { "\($0)" } ?? "-"
                    unexplained.append("\(day) \(item): \(before) → \(after)")
                }
            }
            previous = now
            day = day.adding(days: 1)
            days += 1
        }
        #expect(days > 1400, "the walk covers the plan from before its start to after its end")
        #expect(changes > 100, "the sample data moves verdicts often enough to test the rule")
        #expect(
            unexplained.isEmpty, "verdicts changed without a reason:\n\(unexplained.prefix(40).joined(separator: "\n"))"
        )
    }
}
