import RenewalModel
import Testing

@testable import RenewalReports
@testable import RenewalStore

/// The change between two days, item by item: each item once, under the first kind that applies.
@Suite("Status changes")
struct StatusChangesTests {
    static func evaluation(_ day: String, _ statuses: [String: Status]) -> PlanEvaluation {
        let targets = statuses.map { TargetEvaluation(targetId: $0.key, status: $0.value) }
        return PlanEvaluation(asOf: Day(day)!, overall: targets, programmes: [], unknownItemEntries: [])
    }

    @Test func eachItemGoesUnderTheFirstKindThatApplies() throws {
        let plan = try PlanLoader.embedded()
        let before = Self.evaluation(
            "2026-10-29",
            [
                "G25-1": .dueSoon, "G25-2": .overdue, "G25-3": .behind, "G25-4": .onTrack, "G25-5": .severelyBehind,
                "G27-1": .onTrack, "G27-2": .onTrack,
            ])
        let now = Self.evaluation(
            "2026-11-29",
            [
                "G25-1": .overdue, "G25-2": .doneLate, "G25-3": .done, "G25-4": .behind, "G25-5": .behind,
                "G27-1": .onTrack, "G27-2": .onTrack,
            ])
        let changes = StatusChanges(plan: plan, before: before, now: now, language: .zh)
        let kinds = Dictionary(uniqueKeysWithValues: changes.items.map { ($0.item.id, $0.kind) })
        #expect(
            kinds == [
                "G25-1": .newlyOverdue, "G25-2": .cleared, "G25-3": .newlyDone, "G25-4": .worse, "G25-5": .better,
            ])
        #expect(changes.groups.map(\.kind) == [.newlyOverdue, .cleared, .newlyDone, .worse, .better])
        let text = changes.text(.zh, width: 80)
        #expect(text.contains("G25-2") && text.contains("✖ 逾期未完成 → ✓ 逾期完成"))
        #expect(
            StatusChanges(plan: plan, before: now, now: now, language: .en).text(.en, width: 80).contains(
                "No status changed."))
    }
}
