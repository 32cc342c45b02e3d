import Foundation
import RenewalModel
import Testing

@testable import RenewalStore

/// The cases of issue 9, on the real plan and the sample returns, at the dates the issue names and
/// the day before and after each boundary (DESIGN §4, status rules v2).
@Suite("Status rules on the plan (issue 9)")
struct StatusRulesOnThePlanTests {
    let plan: Plan
    let entries: [ProgressEntry]

    init() throws {
        plan = try PlanLoader.embedded()
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appending(path: "demo.sqlite").path, access: .write)
        try DemoStore.load(into: store, plan: plan, today: Day("2026-11-29") ?? Day(ordinal: 0))
        entries = try store.entries()
    }

    func judged(_ id: String, _ day: String) throws -> TargetEvaluation {
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, asOf: try #require(Day(day)))
        return try #require(evaluation.target(id))
    }

    /// An unmet target is never green on its last day, and all do not turn red together unwarned.
    @Test(arguments: ["M06-3", "G25-2"])
    func anUnmetTargetIsDueSoonThroughItsLastDayThenOverdue(_ id: String) throws {
        #expect(try judged(id, "2025-12-01").status == .dueSoon)  // 30 days to go
        #expect(try judged(id, "2025-12-30").status == .dueSoon)
        #expect(try judged(id, "2025-12-31").status == .dueSoon)  // the deadline day
        // December's figure is in (the sample reports every month): overdue the day after.
        #expect(try judged(id, "2026-01-01").status == .overdue)
        #expect(try judged(id, "2025-11-30").status != .dueSoon)  // 31 days to go
    }

    /// No new data, no new verdict: the path is read at the end of the last due period.
    @Test func betweenTwoReturnsTheVerdictDoesNotMove() throws {
        let october = try judged("M04-1", "2026-10-31")
        let beforeDue = try judged("M04-1", "2026-11-10")
        #expect(october.status == .onTrack)
        #expect(beforeDue.status == october.status)
        #expect(beforeDue.expected == october.expected)
        #expect(beforeDue.expectedOn == Day("2026-09-30"))
        // October's return is due by the 10th, that day included: from the 11th the path is read
        // at 31 October.
        let due = try judged("M04-1", "2026-11-11")
        #expect(due.expectedOn == Day("2026-10-31"))
        #expect(due.status == .onTrack)
    }

    /// From 1 January until January's return is due (by 10 February, that day included), the
    /// year just ended decides.
    @Test(arguments: ["M04-1", "M04-2"])
    func theJanuaryWindowJudgesTheYearJustEnded(_ id: String) throws {
        for day in ["2025-12-31", "2026-01-01", "2026-01-10", "2026-02-10"] {
            let result = try judged(id, day)
            #expect(result.status != .noReport, "\(id) \(day)")
            #expect(result.years.last?.year == 2025, "\(id) \(day)")
        }
        let february = try judged(id, "2026-02-11")
        #expect(february.years.last?.year == 2026)
    }

    /// A target relative to 2023 without its 2023 figure is 基数缺失, reported or not.
    @Test func aMissingBaselineIsSaidBeforeAMissingReport() throws {
        for day in ["2025-06-30", "2026-01-01", "2026-11-29"] {
            #expect(try judged("G27-1", day).status == .baselineMissing, "\(day)")
        }
    }

    /// One green industrial park: no share of a park is progress; never behind before its deadline.
    @Test func aSingleUnitIsJudgedLikeAMilestone() throws {
        for day in ["2025-03-31", "2025-06-30", "2025-10-31"] {
            let result = try judged("M03-2", day)
            #expect(result.status == .onTrack, "\(day): \(result.status)")
            #expect(result.lag == nil, "\(day): a lag for one park")
        }
        #expect(try judged("M03-2", "2025-12-01").status == .dueSoon)
        #expect(try judged("M03-2", "2026-01-01").status == .overdue)
    }
}
