import Foundation
import RenewalModel
import RenewalStore
import Testing

@testable import RenewalUI

/// The dashboard on two plans of other shapes (Data/examples/plans): panels per programme, digit
/// jumps by panel, measures told apart by their headings' labels, and no word of Linqing's.
@Suite("Dashboard on other plans")
struct FamilyPlanDashboardTests {
    static func state(_ file: String, _ language: Language = .zh) throws -> AppState {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Data/examples/plans/\(file)")
        let plan = try PlanLoader.load(json: try Data(contentsOf: url))
        let asOf = Day("2026-12-11")!
        let data = AppData(plan: plan, entries: [], flags: [], asOf: asOf, today: asOf, isSample: false)
        return AppState(
            data: data, language: language, theme: Theme(color: false, ascii: false), width: 120, height: 40)
    }

    static func text(_ state: AppState) -> String { Renderer.render(state).lines.joined(separator: "\n") }

    @Test(arguments: [Language.zh, .en])
    func zhangqiusLevelsBrowseFromPanelToMeasure(_ language: Language) throws {
        let start = try Self.state("zhangqiu-shape.json", language)
        let overview = Self.text(start)
        #expect(overview.contains("一、总体要求"), "a heading with no English is shown in Chinese")
        #expect(overview.contains(language == .zh ? "实施多领域设备更新行动" : "Equipment renewal"))
        #expect(overview.contains("P2.1.2-1"), "ids shown whole")
        #expect(!overview.contains("临清") && !overview.contains("Linqing") && !overview.contains("2027年"))
        // 2 is the second panel: the plan's 二、.
        let (programme, _) = Fixture.press(start, [.char("2")])
        #expect(programme.screen == .programme(start.data.plan.programmes[0].number))
        let list = Self.text(programme)
        #expect(list.contains(language == .zh ? "（一）1." : "1.1."), "the heading's label tells two 1. apart")
        #expect(list.contains(language == .zh ? "（二）1." : "2.1."))
        let (measure, _) = Fixture.press(programme, [.down, .enter])
        let page = Self.text(measure)
        #expect(page.contains("（一）工业装备更新改造 › 2.推进重点行业节能降碳改造"), "the page names every level")
        #expect(page.contains("P2.1.2-1"))
        let (overall, _) = Fixture.press(start, [.char("1")])
        #expect(Self.text(overall).contains(language == .zh ? "一、总体要求：到2025年的总体目标" : "overall targets for 2025"))
    }

    @Test func pinghuHasNoOverallPanelSoOneIsItsFirstAction() throws {
        let start = try Self.state("pinghu-shape.json")
        #expect(start.rows(for: .overview).count == 3)
        let (first, _) = Fixture.press(start, [.char("1")])
        #expect(first.screen == .programme(1))
        let list = Self.text(first)
        #expect(list.contains("本节目标") && list.contains("推进制造业设备更新"))
        let (page, _) = Fixture.press(first, [.enter])
        #expect(Self.text(page).contains("A1-1"), "the 行动's own targets open first")
        let (none, _) = Fixture.press(start, [.char("9")])
        #expect(none.screen == .overview, "a digit past the last panel does nothing")
    }
}

extension FamilyPlanDashboardTests {
    /// "1 then a digit" says which second digits reach a panel: with eleven panels only 1.
    @Test func theSecondDigitHintCountsThePlansPanels() throws {
        let linqing = try PlanLoader.embedded()
        let eleven = Plan(
            title: linqing.title, titleEn: linqing.titleEn, startDate: linqing.startDate, endDate: linqing.endDate,
            units: linqing.units, overallTargets: linqing.overallTargets,
            programmes: Array(linqing.programmes.dropLast()))
        let asOf = Day("2026-12-11")!
        let data = AppData(plan: eleven, entries: [], flags: [], asOf: asOf, today: asOf, isSample: false)
        let start = AppState(
            data: data, language: .zh, theme: Theme(color: false, ascii: false), width: 120, height: 40)
        #expect(start.rows(for: .overview).count == 11)
        let (waiting, _) = Fixture.press(start, [.char("1")])
        let screen = Self.text(waiting)
        #expect(screen.contains("再按 1：第十一") && !screen.contains("1 或 2"))
        let (twelve, _) = Fixture.press(try Self.state("zhangqiu-shape.json"), [.char("1")])
        #expect(!Self.text(twelve).contains("1_"), "a plan of four panels does not wait for a second digit")
    }
}

extension FamilyPlanDashboardTests {
    /// A series' target page lists the figure filed on its sibling; `e` on it corrects that entry,
    /// on the item it was filed on (the store refuses a correction on another item).
    @Test func aSeriesFigureIsCorrectedOnTheTargetItWasFiledOn() throws {
        var start = try Self.state("pinghu-shape.json")
        let figure = ProgressEntry(id: "7", itemId: "A2.1-1", date: Day("2025-12-31")!, value: 52000)
        start.data = AppData(
            plan: start.data.plan, entries: [figure], flags: [], asOf: start.data.asOf, today: start.data.asOf,
            isSample: false)
        #expect(start.reports(on: "A2.1-2").map(\.id) == ["7"], "the 2027 target's page shows the 2025 filing")
        var state = start
        Reducer.startCorrection(&state, item: "A2.1-2", entryId: "7")
        #expect(state.form?.itemId == "A2.1-1" && state.form?.corrects?.id == "7")
    }
}
