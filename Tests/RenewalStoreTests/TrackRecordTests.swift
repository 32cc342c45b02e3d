import Foundation
import RenewalModel
import Testing

@testable import RenewalStore

/// A target's month-by-month record (the target page's chart): one point per monthly return, each
/// the verdict the dashboard gave on the day that return was first missing (the 11th).
@Suite("Track record")
struct TrackRecordTests {
    let plan: Plan
    let entries: [ProgressEntry]

    init() throws {
        let rules = try StatusRulesOnThePlanTests()
        plan = rules.plan
        entries = rules.entries
    }

    func record(_ id: String, _ day: String) throws -> [(month: Day, judged: TargetEvaluation)] {
        StatusEngine(plan: plan).trackRecord(of: id, entries: entries, asOf: try #require(Day(day)))
    }

    /// October's return is due by 10 November, that day included: until then the record ends
    /// with September; from the 11th with October.
    @Test(arguments: [("2026-11-10", "2026-09-30"), ("2026-11-11", "2026-10-31"), ("2026-11-12", "2026-10-31")])
    func theLastPointIsTheLastReturnDue(_ day: String, _ lastMonth: String) throws {
        let points = try record("G25-2", day)
        #expect(points.last?.month == Day(lastMonth))
        #expect(points.first?.month == Day.endOfMonth(year: plan.startDate.year, month: plan.startDate.month))
        let months = points.map { $0.month.year * 12 + $0.month.month }
        #expect(zip(months, months.dropFirst()).allSatisfy { $1 == $0 + 1 }, "one point a month, none missing")
    }

    /// Each point is what the whole-plan verdict was the day that return could first be missing.
    @Test(arguments: ["G25-2", "M04-1", "M02-1", "G27-8", "M06-3"])
    func eachPointIsTheVerdictOnItsDueDay(_ id: String) throws {
        for (month, judged) in try record(id, "2026-11-29").suffix(8) {
            let due = StatusRules.standard.returnMissing(forPeriodEnding: month)
            let whole = StatusEngine(plan: plan).evaluate(entries: entries, asOf: due).target(id)
            #expect(judged.status == whole?.status, "\(id) for \(month)")
            #expect(judged.actual == whole?.actual, "\(id) for \(month)")
            #expect(judged.expected == whole?.expected, "\(id) for \(month)")
        }
    }

    @Test func anUnknownTargetOrADayBeforeTheFirstReturnHasNoRecord() throws {
        #expect(try record("X99-9", "2026-11-29").isEmpty)
        let start = plan.startDate
        #expect(StatusEngine(plan: plan).trackRecord(of: "G25-2", entries: entries, asOf: start).isEmpty)
    }
}
