import Foundation
import RenewalModel
import RenewalStore
import Testing

/// Two plans of other shapes than Linqing's (Data/examples/plans): 章丘's three levels with labels
/// restarting under each heading, and 平湖's targets heading a 行动 with items (a fourth level)
/// inside measures. Their structure as the dashboard sees it, and the target styles judged.
@Suite("Plans of other shapes")
struct FamilyPlanTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Data/examples/plans")

    static func load(_ name: String) throws -> Plan {
        try PlanLoader.load(json: try Data(contentsOf: folder.appending(path: name)))
    }

    @Test func zhangqiusThreeLevelsBecomePanelsWithTheirHeadingsAsWritten() throws {
        let plan = try Self.load("zhangqiu-shape.json")
        #expect(plan.documentNumber == "章政发〔2024〕2号")
        #expect(plan.overallTargets.map(\.id) == ["ZQ-1", "ZQ-2", "ZQ-3", "ZQ-4", "ZQ-5"])
        #expect(plan.overallTargetsHeader(.zh) == "一、总体要求：到2025年的总体目标")
        #expect(plan.programmes.map { $0.heading(.zh) } == ["二、实施多领域设备更新行动", "三、实施消费品以旧换新行动", "四、保障措施"])
        let first = try #require(plan.measure(itemId: "P2.1.1"))
        #expect(first.label == "1." && first.path == ["（一）工业装备更新改造"])
        #expect(first.fullHeading(.zh) == "（一）工业装备更新改造 › 1.推动产业现代化改造")
        #expect(first.heading(.en) == "1. 推动产业现代化改造", "no English: the Chinese stands in")
        #expect(plan.measure(itemId: "P3.1.1")?.label == "1.", "numbering restarts under each heading")
        #expect(plan.measure(itemId: "P2.1.2")?.leadUnits == ["区工业和信息化局", "区发展和改革局"])
        #expect(plan.measure(itemId: "P3.1.1")?.otherUnits == [NodeUnit(unit: "济南市公安局章丘区分局", role: .cooperating)])
        #expect(plan.measure(itemId: "P3.3.1")?.leadUnits == [], "an item with no unit named")
        // A heading's own targets are its first item, answered for by its units.
        let section = try #require(plan.measure(itemId: "P2.3"))
        #expect(section.targets.map(\.id) == ["P2.3-1"] && section.leadUnits == ["区交通运输局"])
        #expect(plan.measure(itemId: "P2.3.1")?.leadUnits == ["区交通运输局"], "units are inherited")
        #expect(plan.target(id: "ZQ-4")?.series == plan.target(id: "ZQ-5")?.series)
    }

    @Test func pinghusTargetsHeadAnActionAndItemsJoinTheirMeasure() throws {
        let plan = try Self.load("pinghu-shape.json")
        #expect(plan.overallTargets.isEmpty && plan.documentNumber == nil)
        #expect(plan.programmes.map(\.label) == ["（一）", "（二）", "（三）"])
        let own = try #require(plan.programmes.first?.measures.first)
        #expect(own.itemId == "A1" && own.targets.count == 4 && own.leadUnits == ["市经信局"])
        let measure = try #require(plan.measure(itemId: "A1.1"))
        #expect(measure.targets.map(\.id) == ["A1.1.1-1"], "a fourth-level item's target is its measure's")
        #expect(measure.text.contains("（1）实施数字化改造"))
        #expect(plan.returnItems(for: plan.unit(named: "市商务局")).map(\.id) == ["A2.1-1", "A2.1-2", "A2.2-1", "A3.1-1"])
    }

    /// Each new style at its goal: just short of it, and on it.
    @Test func theNewStylesAreJudgedAgainstTheirOwnGoals() throws {
        let zhangqiu = try Self.load("zhangqiu-shape.json")
        let pinghu = try Self.load("pinghu-shape.json")
        let asOf = Day("2027-12-20")!
        func judged(_ plan: Plan, _ id: String, _ entries: [ProgressEntry]) -> Status? {
            StatusEngine(plan: plan).evaluate(entries: entries, asOf: asOf).target(id)?.status
        }
        func figure(_ id: String, _ value: Double, on day: String = "2027-11-30") -> ProgressEntry {
            ProgressEntry(id: UUID().uuidString, itemId: id, date: Day(day)!, value: value)
        }
        func base(_ id: String, _ value: Double, _ year: Int = 2023) -> ProgressEntry {
            ProgressEntry(id: UUID().uuidString, itemId: id, date: Day("2024-09-01")!, value: value, baselineYear: year)
        }
        // pointRise: 60% in 2023 + 15 points = 75%.
        #expect(judged(zhangqiu, "P2.1.2-1", [base("P2.1.2-1", 60), figure("P2.1.2-1", 75)]) == .done)
        #expect(judged(zhangqiu, "P2.1.2-1", [base("P2.1.2-1", 60), figure("P2.1.2-1", 74.9)]) != .done)
        // averageAnnualGrowth: 100 in 2023, 10% a year for 4 years = 146.41.
        #expect(judged(zhangqiu, "P2.1.1-1", [base("P2.1.1-1", 100), figure("P2.1.1-1", 146.5)]) == .done)
        #expect(judged(zhangqiu, "P2.1.1-1", [base("P2.1.1-1", 100), figure("P2.1.1-1", 146.3)]) != .done)
        #expect(judged(pinghu, "A2.2-1", [base("A2.2-1", 10), figure("A2.2-1", 13.61)]) == .done, "10 × 1.08^4")
        // about, with the plan's own tolerance of 5%: 15000 左右 is met from 14250.
        #expect(judged(zhangqiu, "ZQ-2", [base("ZQ-2", 9000, 2023), figure("ZQ-2", 14250, on: "2025-11-30")]) == .done)
        #expect(
            judged(zhangqiu, "ZQ-2", [base("ZQ-2", 9000, 2023), figure("ZQ-2", 14200, on: "2025-11-30")]) == .overdue)
        // parentAverage: the province's figure is entered as the reference; above it is met.
        #expect(judged(zhangqiu, "ZQ-1", [figure("ZQ-1", 41, on: "2025-11-30")]) == .overdue)
        let reference = base("ZQ-1", 40, 2025)
        #expect(judged(zhangqiu, "ZQ-1", [reference, figure("ZQ-1", 41, on: "2025-11-30")]) == .done)
        #expect(
            judged(zhangqiu, "ZQ-1", [reference, figure("ZQ-1", 40, on: "2025-11-30")]) == .overdue, "高于: more than")
        let early = StatusEngine(plan: zhangqiu).evaluate(
            entries: [reference, figure("ZQ-1", 30, on: "2025-03-31")], asOf: Day("2025-05-20")!)
        #expect(
            early.target("ZQ-1")?.status == .onTrack, "no path to an average: unmet before the deadline is on track")
        #expect(zhangqiu.target(id: "ZQ-1")?.goalText(.zh) == ">上级平均水平")
        #expect(zhangqiu.target(id: "P2.1.1-1")?.goalText(.zh) == "年均 >=+10%")
    }
}

extension FamilyPlanTests {
    /// Overall targets name the measures that deliver them by id in format 2 (章丘's fixture does):
    /// their lead units follow, whatever number the measure is counted as; an id no measure has is
    /// an error naming the target.
    @Test func overallTargetsNameTheirMeasuresById() throws {
        let plan = try Self.load("zhangqiu-shape.json")
        let trade = try #require(plan.target(id: "ZQ-4"))
        #expect(
            trade.relatedMeasures == [plan.measure(itemId: "P3.1.1")?.number ?? -1] && trade.relatedMeasureIds == nil)
        #expect(plan.leadUnits(forTarget: "ZQ-1") == plan.measure(itemId: "P2.1.2")?.leadUnits)
        #expect(!plan.leadUnits(forTarget: "ZQ-1").isEmpty)
        let text = try String(contentsOf: Self.folder.appending(path: "zhangqiu-shape.json"), encoding: .utf8)
        let wrong = text.replacingOccurrences(of: "\"P2.1.2\"\n", with: "\"P9.9\"\n")
        #expect(wrong != text)
        #expect {
            _ = try PlanLoader.load(json: Data(wrong.utf8))
        } throws: { error in
            guard case let .invalid(path, reason) = error as? PlanError else { return false }
            return path.contains("ZQ-1") && reason.zh.contains("P9.9") && reason.en.contains("P9.9")
        }
    }
}
