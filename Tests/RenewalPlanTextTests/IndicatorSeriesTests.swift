import Foundation
import RenewalModel
import RenewalStore
import RenewalWorkload
import Testing

/// Indicator series (PLAN-FORMAT.md "Series: one figure, every deadline"): a figure reported on
/// any target of a series is judged against every target of it; and growth on the previous year,
/// whose goal each year is the year before's figure grown by the rate.
@Suite("Indicator series and growth on the previous year")
struct IndicatorSeriesTests {
    static func load(_ name: String) throws -> Plan { try FamilyPlanTests.load(name) }

    static func figure(_ id: String, _ value: Double, on day: String) -> ProgressEntry {
        ProgressEntry(id: UUID().uuidString, itemId: id, date: Day(day)!, value: value)
    }

    static func base(_ id: String, _ value: Double, _ year: Int) -> ProgressEntry {
        ProgressEntry(id: UUID().uuidString, itemId: id, date: Day("2024-09-01")!, value: value, baselineYear: year)
    }

    /// 日照's shape in the 平湖 fixture: 新能源汽车保有量 5万 by 2025, 7万 by 2027, one figure.
    @Test func oneFigureIsJudgedAgainstEveryDeadlineOfItsSeries() throws {
        let plan = try Self.load("pinghu-shape.json")
        #expect(plan.seriesItems(of: "A2.1-2") == ["A2.1-2", "A2.1-1"])
        #expect(plan.seriesItems(of: "A1.1.1-1") == ["A1.1.1-1"], "a target of no series stands alone")
        let engine = StatusEngine(plan: plan)
        let entries = [Self.base("A2.1-1", 30000, 2023), Self.figure("A2.1-1", 52000, on: "2025-12-31")]
        let judged = engine.evaluate(entries: entries, asOf: Day("2026-01-15")!)
        #expect(judged.target("A2.1-1")?.status == .done)
        let later = try #require(judged.target("A2.1-2"))
        #expect(later.actual == 52000 && later.baseline == 30000, "the 2027 target reads the same figure and base")
        #expect(later.status != .noReport && later.status != .baselineMissing)
        let history = engine.trackRecord(of: "A2.1-2", entries: entries, asOf: Day("2026-01-15")!)
        #expect(history.last?.judged.actual == 52000, "the month-by-month record reads the series too")
    }

    /// 章丘's "二手车交易量达到2.8万，较2023年增长20%": two targets, one figure; each judged on its own goal.
    @Test func anAbsoluteAndAGrowthTargetShareTheirFigure() throws {
        let plan = try Self.load("zhangqiu-shape.json")
        let engine = StatusEngine(plan: plan)
        let day = Day("2026-01-20")!
        func judged(_ value: Double) -> (Status?, Status?) {
            let entries = [Self.base("ZQ-5", 24000, 2023), Self.figure("ZQ-4", value, on: "2025-12-31")]
            let result = engine.evaluate(entries: entries, asOf: day)
            return (result.target("ZQ-4")?.status, result.target("ZQ-5")?.status)
        }
        // 24000 × 1.2 = 28800: the growth target is met from there, the 2.8万 one from 28000.
        #expect(judged(28800) == (.done, .done))
        #expect(judged(28799) == (.done, .overdue))
        #expect(judged(27999) == (.overdue, .overdue))
    }

    /// 每年废旧家电回收量比上年增长5%以上 (章丘 fixture, P3.2.1-2): each year's goal is the year
    /// before's December figure (or a baseline entered for that year) × 1.05.
    @Test func growthOnThePreviousYearHasAGoalEachYear() throws {
        let plan = try Self.load("zhangqiu-shape.json")
        let engine = StatusEngine(plan: plan)
        #expect(plan.target(id: "P3.2.1-2")?.goalText(.zh) == "每年 比上年 >=+5%")
        #expect(plan.target(id: "P3.2.1-2")?.goalText(.en) == "yearly >=+5% on the year before")
        func judged(_ entries: [ProgressEntry], on day: String) -> TargetEvaluation? {
            engine.evaluate(entries: entries, asOf: Day(day)!).target("P3.2.1-2")
        }
        let base2024 = Self.base("P3.2.1-2", 10000, 2024)
        // 2025: 10000 × 1.05 = 10500, judged after December's return.
        let short = try #require(
            judged([base2024, Self.figure("P3.2.1-1", 10499, on: "2025-12-31")], on: "2026-01-05"))
        #expect(short.year == 2025 && short.goal == 10500 && short.status != .done)
        #expect(
            judged([base2024, Self.figure("P3.2.1-1", 10500, on: "2025-12-31")], on: "2026-01-05")?.status == .done)
        // 2026 grows on 2025's December figure: 10500 × 1.05 = 11025.
        let year2026 = [
            base2024, Self.figure("P3.2.1-2", 10500, on: "2025-12-31"),
            Self.figure("P3.2.1-2", 11025, on: "2026-12-31"),
        ]
        let met = try #require(judged(year2026, on: "2027-01-05"))
        #expect(met.year == 2026 && met.goal == 11025 && met.status == .done && met.baseline == 10500)
        #expect(
            met.years.map(\.year) == [2024, 2025, 2026] && met.years[1].status == .done && met.years[1].goal == 10500)
        #expect(
            judged(Array(year2026.dropLast()) + [Self.figure("P3.2.1-2", 11024, on: "2026-12-31")], on: "2027-01-05")?
                .status != .done)
        // No December figure for 2025 and no baseline for it: 2026 has no goal (基数缺失).
        let noDecember = [
            Self.figure("P3.2.1-2", 9000, on: "2025-11-30"), Self.figure("P3.2.1-2", 5000, on: "2026-05-31"),
        ]
        let missing = try #require(judged(noDecember, on: "2026-06-20"))
        #expect(missing.year == 2026 && missing.goal == nil && missing.status == .baselineMissing)
        // A baseline entered for 2025 (a published statistic) wins over the December report.
        let published = [Self.base("P3.2.1-2", 8000, 2025)] + year2026
        #expect(judged(published, on: "2026-06-20")?.goal == 8400)
    }

    /// A series is one reported figure: its targets must read it alike; growth on the previous
    /// year must recur every year.
    @Test func aPlanWhoseSeriesCannotShareAFigureIsRefused() throws {
        let file = FamilyPlanTests.folder.appending(path: "zhangqiu-shape.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        func problems(_ edited: String) -> [Phrase] {
            do {
                _ = try PlanLoader.load(json: Data(edited.utf8))
                return []
            } catch let PlanError.inconsistent(problems) {
                return problems
            } catch { return [Phrase("\(error)", "\(error)")] }
        }
        #expect(problems(text).isEmpty)
        // ZQ-5 read as a level while ZQ-4 is year-to-date.
        let reading = text.replacingOccurrences(
            of: "\"reportedUnit\": \"辆\",\n          \"reading\": \"yearToDate\"",
            with: "\"reportedUnit\": \"辆\",\n          \"reading\": \"level\"")
        #expect(reading != text)
        #expect(problems(reading).contains { $0.zh.contains("used-car-trade") && $0.en.contains("ZQ-4, ZQ-5") })
        let once = text.replacingOccurrences(
            of:
                "\"reading\": \"yearToDate\",\n                  \"recurrence\": \"annual\",\n                  \"series\": \"appliance-recovery\"",
            with:
                "\"reading\": \"yearToDate\",\n                  \"deadline\": \"2027-12-31\",\n                  \"series\": \"appliance-recovery\""
        )
        #expect(once != text)
        #expect(problems(once).contains { $0.zh.contains("P3.2.1-2") && $0.en.contains("recur annually") })
    }

    /// The judging digest keeps what every target of a series and every year's own goal need:
    /// it judges like every entry on the 章丘 plan at the rules' boundary dates.
    @Test func theDigestJudgesSeriesLikeEveryEntry() throws {
        let plan = try Self.load("zhangqiu-shape.json")
        let engine = StatusEngine(plan: plan)
        var entries = Workload.entries(plan, months: 28, seed: 24)
        entries += [
            Self.base("ZQ-5", 20000, 2023), Self.base("P3.2.1-1", 800, 2023), Self.base("P3.2.1-2", 700, 2024),
            Self.figure("ZQ-4", 30000, on: "2025-06-30"), Self.figure("P3.2.1-1", 2000, on: "2025-12-31"),
        ]
        let digest = JudgingDigest.decisive(entries, engine: engine)
        #expect(digest.count < entries.count)
        for text in ["2026-12-31", "2027-01-10", "2027-01-11", "2027-06-30", "2027-12-31", "2028-01-11"] {
            let day = Day(text)!
            #expect(
                engine.evaluate(entries: digest, asOf: day) == engine.evaluate(entries: entries, asOf: day), "\(text)")
        }
        let keeper = DigestKeeper(plan: plan, planFingerprint: "x", rules: .standard)
        #expect(keeper.itemsToReduce(digestWasCurrent: true, touched: ["ZQ-4"]) == ["ZQ-4", "ZQ-5"])
    }
}
