import Foundation
import RenewalModel
import RenewalText
import Testing

@testable import RenewalReports
@testable import RenewalStore

/// Reports built from the real plan and the example return in Data/examples.
@Suite("Reports")
struct ReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let plan: Plan
    let entries: [ProgressEntry]

    init() throws {
        plan = try PlanLoader.embedded()
        entries = try EntriesCSV.read(
            path: Self.root.appending(path: "Data/examples/returns-example.csv").path, plan: plan,
            today: Day("2026-11-29")!)
    }

    func context(
        _ language: Language = .zh, asOf: String = "2026-11-29", width: Int = 80, withEntries: Bool = true
    ) -> ReportContext {
        let day = Day(asOf)!
        let used = withEntries ? entries : []
        let evaluation = StatusEngine(plan: plan).evaluate(entries: used, asOf: day)
        return ReportContext(plan: plan, evaluation: evaluation, language: language, width: width, entries: used)
    }

    func assertFits(_ text: String, _ width: Int, _ label: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(DisplayWidth.of(line) <= width, "\(label): \(DisplayWidth.of(line)) columns: \(line)")
        }
    }

    @Test(arguments: [Language.zh, .en], [80, 60])
    func everyReportFitsTheWidth(_ language: Language, _ width: Int) {
        let c = context(language, width: width)
        assertFits(SummaryReport(context: c).text(), width, "summary")
        assertFits(OverdueReport(context: c).text(), width, "overdue")
        for number in 1...34 {
            assertFits(MeasureReport(context: c, number: number)?.text() ?? "", width, "show \(number)")
        }
    }

    @Test func theSummaryCountsEveryMeasureOnce() {
        let report = SummaryReport(context: context())
        #expect(report.programmes.count == 11)
        #expect(report.programmes.map { $0.counts.values.reduce(0, +) }.reduce(0, +) == 34)
        #expect(report.measureCounts.values.reduce(0, +) == 34)
        #expect(report.overallTargets.count == 13)
        let text = report.text()
        #expect(text.contains("二、工业技改提升工程"))
        #expect(text.contains("十二、保障措施"))
        #expect(text.contains("G27-8"))
    }

    @Test func withNothingReportedThe2025TargetsAreOverdueLateIn2026ButNotMidway() {
        let late = OverdueReport(context: context(asOf: "2026-11-29", withEntries: false))
        let lateIds = Set(late.groups.flatMap(\.items).map(\.id))
        #expect(lateIds.contains("M02-1"))
        #expect(lateIds.contains("G25-1"))
        #expect(lateIds.contains("M04-3"))
        let midway = OverdueReport(context: context(asOf: "2025-06-30", withEntries: false))
        let midwayItems = midway.groups.flatMap(\.items)
        #expect(!midwayItems.contains { $0.deadline == "2025-12-31" })
        // The annual targets missed 2024 with nothing reported; by mid-2025 that is history (DESIGN
        // §4 v3): 2025 is judged, and nothing is overdue.
        #expect(midwayItems.isEmpty, "\(midwayItems.map(\.id))")
        let annual = context(asOf: "2025-06-30", withEntries: false).evaluation.target("M04-1")
        #expect(annual?.year == 2025)
        #expect(annual?.years.first?.status == .overdue)
    }

    @Test func overdueItemsAreWorstFirstAndListedUnderEachLeadUnit() throws {
        let report = OverdueReport(context: context())
        let items = report.groups.flatMap(\.items)
        #expect(!items.isEmpty)
        for group in report.groups {
            let severities = group.items.map(\.status.severity)
            #expect(severities == severities.sorted(by: >), "\(group.unit) not worst first")
            #expect(group.items.allSatisfy { ($0.leadUnits.isEmpty ? [""] : $0.leadUnits).contains(group.unit) })
        }
        // M06-2 has three lead units; each sees it.
        let m062 = report.groups.filter { $0.items.contains { $0.id == "M06-2" } }.map(\.unit)
        #expect(Set(m062) == ["市交通运输局", "市交警大队", "聊城市生态环境局临清市分局"])
        #expect(report.count == Set(items.map(\.id)).count)
    }

    @Test func oneUnitsOverdueListMatchesShortAndFullName() throws {
        let unit = try #require(plan.unit(named: "工信局"))
        #expect(plan.unit(named: "市工业和信息化局") == unit)
        let report = OverdueReport(context: context(), unit: unit)
        let led = report.groups.filter { $0.role == "lead" }.flatMap(\.items)
        #expect(!led.isEmpty)
        #expect(led.allSatisfy { $0.leadUnits.contains("市工业和信息化局") })
        #expect(report.text().contains("市工业和信息化局"))
    }

    @Test func showFourHasTheFarmMachineryTargets() throws {
        let report = try #require(MeasureReport(context: context(withEntries: false), number: 4))
        let text = report.text()
        #expect(report.leadUnits == ["市农业农村局"])
        #expect(report.responsibleUnits == ["市财政局"])
        #expect(report.targets.map(\.id) == ["M04-1", "M04-2", "M04-3"])
        for fragment in [
            "每年淘汰老旧农业机械150台（套）以上", "每年更新购置农业机械1000台（套）以上", "农作物耕种收综合机械化率达到94%以上",
            "牵头单位：市农业农村局", "责任单位：市财政局", "每年 >=150台（套）", "截止 2025-12-31",
        ] {
            #expect(text.contains(fragment), "missing \(fragment)")
        }
    }

    @Test func showListsReportsNewestFirstWithTheirText() throws {
        let report = try #require(MeasureReport(context: context(), number: 4))
        #expect(report.entries.first?.date == "2026-10-31")
        #expect(report.entries.map(\.date) == report.entries.map(\.date).sorted(by: >))
        #expect(report.text().contains("补贴资金到位慢"))
    }

    @Test func englishUsesEnglishTitlesAndLabels() {
        let text = SummaryReport(context: context(.en)).text()
        #expect(text.contains("2. Industrial technological"))
        #expect(text.contains("overdue"))
        #expect(!text.contains("逾期未完成"))
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let encoder = JSONEncoder()
        let summary =
            try JSONSerialization.jsonObject(with: encoder.encode(SummaryReport(context: context()))) as? [String: Any]
        #expect(
            Set(summary?.keys.map { $0 } ?? []) == [
                "title", "asOf", "measureCounts", "targetCounts", "programmes", "overallTargets", "sampleData",
            ])
        let overdue =
            try JSONSerialization.jsonObject(with: encoder.encode(OverdueReport(context: context()))) as? [String: Any]
        let groups = overdue?["groups"] as? [[String: Any]]
        let items = (groups ?? []).flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
        #expect(!items.isEmpty)
        // Every item has these; absent figures are left out (JSON has no value for "unknown").
        for key in ["id", "description", "kind", "status", "statusLabel", "deadline", "leadUnits"] {
            #expect(items.allSatisfy { $0.keys.contains(key) }, "an item lacks \(key)")
        }
        for key in ["goal", "actual", "expected", "gap"] {
            #expect(items.contains { $0.keys.contains(key) }, "no item has \(key)")
        }
    }

    @Test func statusBarsAreExactlyTheirWidth() {
        var counts = StatusCounts([.done, .done, .overdue, .noReport, .behind, .onTrack, .severelyBehind])
        for width in 3...30 {
            #expect(StatusBar.render(counts, width: width).count == max(3, width))
        }
        counts = StatusCounts([.done])
        #expect(StatusBar.render(counts, width: 7) == "[#####]")
        #expect(StatusBar.render(StatusCounts(), width: 4) == "[  ]")
        #expect(ProgressBar.render(0.5, width: 12) == "[#####.....]")
        #expect(ProgressBar.render(2, width: 6) == "[####]")
    }
}
