import Foundation
import RenewalModel
import RenewalReports
import Testing

@testable import RenewalStore

/// Who has filed the last due return (`b`, `renewal reporting`, the bulletin's "not reported").
@Suite("Reporting status")
struct ReportingStatusTests {
    let plan: Plan
    let entries: [ProgressEntry]

    init() throws {
        let rules = try StatusRulesOnThePlanTests()
        plan = rules.plan
        entries = rules.entries
    }

    func status(_ day: String, _ reports: [LatestReport]? = nil) throws -> ReportingStatus {
        let asOf = try #require(Day(day))
        return ReportingStatus(
            plan: plan, evaluation: StatusEngine(plan: plan).evaluate(entries: entries, asOf: asOf),
            reports: reports ?? LatestReport.from(entries, asOf: asOf), language: .zh)
    }

    /// October's return is due by 10 November, that day included: on the 10th September's is the
    /// one asked for, so a unit filing October on the 10th is never named; from the 11th October's.
    @Test(arguments: [
        ("2026-11-10", "2026-09-01", "2026-10-10"), ("2026-11-11", "2026-10-01", "2026-11-10"),
        ("2026-11-12", "2026-10-01", "2026-11-10"),
    ])
    func thePeriodIsTheLastReturnDue(_ day: String, _ start: String, _ due: String) throws {
        let status = try status(day)
        #expect(status.periodStart == start)
        #expect(status.dueOn == due)
    }

    @Test func unitsThatHaveNotReportedComeFirstWithWhatTheyMiss() throws {
        let status = try status("2026-11-29")
        let silent = status.notReported
        #expect(!silent.isEmpty && silent.count < status.units.count)
        #expect(Array(status.units.prefix(silent.count)) == silent)
        let tax = try #require(status.units.first { $0.unit == "市税务局" })
        #expect(tax.state == .none && tax.filed == 0 && tax.lastReport == "2026-07-31" && tax.missing == ["M30"])
        #expect(status.units.first { $0.unit == "市自然资源和规划局" }?.lastReport == nil, "never reported")
        for row in status.units { #expect(row.filed + row.missing.count == row.items) }
    }

    /// Issue 21 (9): a unit's state follows from its unfinished items alone (never 未报送 over
    /// `2/2`); finished items are not asked for; a co-lead's report files the item for every lead.
    @Test(arguments: ["2026-06-15", "2026-11-10", "2026-11-11", "2026-11-29", "2027-01-11"])
    func statesCountsAndTargetsAgree(_ day: String) throws {
        let status = try status(day)
        let asOf = try #require(Day(day))
        let judged = StatusEngine(plan: plan).evaluate(entries: entries, asOf: asOf)
        let finished = Set(judged.targets.filter(\.status.isFinished).map(\.targetId))
        for row in status.units {
            switch row.state {
            case .none: #expect(row.filed == 0 && row.items > 0, "\(row.unit) 未报送 \(row.filed)/\(row.items)")
            case .partial: #expect(row.filed > 0 && row.filed < row.items, "\(row.unit) 未报齐 \(row.filed)/\(row.items)")
            case .complete: #expect(row.filed == row.items && row.missing.isEmpty, "\(row.unit)")
            }
            #expect(Set(row.missing).isDisjoint(with: finished), "\(row.unit) is asked for a finished item")
        }
        // Order: 未报送, 未报齐, 已报齐.
        #expect(status.units.map(\.state) == status.units.map(\.state).sorted())
        #expect(!finished.isEmpty || day == "2026-06-15", "the sample has finished items to leave out")
    }

    @Test func aCoLeadsReportFilesTheItemForEveryLead() throws {
        let coLed = try #require(plan.allTargets.first { plan.leadUnits(forTarget: $0.id).count > 1 })
        let leads = plan.leadUnits(forTarget: coLed.id)
        let report = LatestReport(itemId: coLed.id, unit: leads[0], date: try #require(Day("2026-10-31")))
        let status = try status("2026-11-29", [report])
        for lead in leads {
            let row = try #require(status.units.first { $0.unit == lead })
            #expect(!row.missing.contains(coLed.id), "\(lead): \(coLed.id) was filed by \(leads[0])")
        }
    }

    /// The store's aggregate query gives the same answer as the entries themselves.
    @Test func theStoresQueryAgreesWithTheEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "renewal-reporting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appending(path: "demo.sqlite").path, access: .write)
        try DemoStore.load(into: store, plan: plan, today: Day("2026-11-29") ?? Day(ordinal: 0))
        let all = try store.entries()
        for day in ["2026-06-15", "2026-11-09", "2026-11-10", "2026-11-29"] {
            let asOf = try #require(Day(day))
            #expect(Set(try store.latestReports(asOf: asOf)) == Set(LatestReport.from(all, asOf: asOf)), "\(day)")
        }
    }
}
