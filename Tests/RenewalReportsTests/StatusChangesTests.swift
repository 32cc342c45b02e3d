import Foundation
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

    /// Issue 21, item 13: measures are compared too (20 measures flipped on 2026-12-11 unlisted),
    /// and an annual target judged for a new year is 新年度, not 变差.
    @Test func measuresAreComparedAndANewYearIsNotWorse() throws {
        let plan = try PlanLoader.embedded()
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-changes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appending(path: "demo.sqlite").path, access: .write)
        try DemoStore.load(into: store, plan: plan, today: Day("2026-11-29")!)
        let entries = try store.entries()
        let engine = StatusEngine(plan: plan)
        func changes(_ since: String, _ asOf: String) -> StatusChanges {
            StatusChanges(
                plan: plan, before: engine.evaluate(entries: entries, asOf: Day(since)!),
                now: engine.evaluate(entries: entries, asOf: Day(asOf)!), language: .zh)
        }
        let december = changes("2026-11-11", "2026-12-11")
        let measures = december.items.filter { plan.measure(itemId: $0.item.id) != nil }
        #expect(measures.count >= 20, "\(measures.map(\.item.id))")
        #expect(measures.contains { $0.item.id == "M01" && $0.item.now == .noReport })
        let newYear = changes("2025-12-31", "2026-02-15")
        let kinds = Dictionary(uniqueKeysWithValues: newYear.items.map { ($0.item.id, $0.kind) })
        #expect(kinds["M04-1"] == .newYear)
        #expect(kinds["M04"] == .newYear)
        #expect(newYear.text(.zh, width: 80).contains("新年度"))
    }
}
