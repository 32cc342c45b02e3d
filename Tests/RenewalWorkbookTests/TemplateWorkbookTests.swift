import Foundation
import RenewalModel
import RenewalStore
import Testing

@testable import RenewalWorkbook

/// A unit's return as a workbook (issue 22, item 1), as values.
@Suite("Return form workbook")
struct TemplateWorkbookTests {
    let plan: Plan
    let evaluation: PlanEvaluation

    init() throws {
        plan = try PlanLoader.embedded()
        let asOf = try #require(Day("2026-12-06"))
        let sample = try EntriesCSV.readReturn(
            data: Data(DemoStore.sampleCSV.utf8), file: "sample-progress.csv", plan: plan, today: asOf)
        evaluation = StatusEngine(plan: plan).evaluate(
            entries: sample.rows.map { $0.entry(file: "sample-progress.csv") }, asOf: asOf)
    }

    func form(_ unit: String, needing: Set<String> = []) throws -> Workbook {
        TemplateWorkbook.make(
            plan: plan, unit: plan.unit(named: unit), evaluation: evaluation,
            periodEnd: try #require(Day("2026-11-30")), dueOn: try #require(Day("2026-12-10")),
            needingBaseline: needing, isSample: false)
    }

    @Test func onlyTheCellsToFillAreUnlockedOnAProtectedSheet() throws {
        let book = try form("工信局")
        #expect(book.sheets.map(\.name) == ["填报", "填报说明"])
        let sheet = book.sheets[0]
        #expect(sheet.protected && sheet.frozenRows == 2 && sheet.headerRow == 1)
        guard case let .text(title) = sheet.rows[0][0].value else {
            Issue.record("no title")
            return
        }
        #expect(title.contains("市工业和信息化局 2026年11月进展填报表（请于 2026-12-10 前报送）"))
        #expect(sheet.rows[1].count == ReturnColumns.header.count + 3)
        let fill: Set = [5, 6, 7, 8, 9, 10]
        for row in sheet.rows.dropFirst(2) {
            for (column, cell) in row.enumerated() where column < 12 && column != 6 {
                #expect(cell.style.unlocked == fill.contains(column), "column \(column) of \(row[0].value)")
            }
            #expect(row[5].value == .date(try #require(Day("2026-11-30"))), "the date defaults to the period's end")
        }
    }

    @Test func eachRowChecksItsDateItsFigureAndItsUnit() throws {
        let sheet = try form("工信局").sheets[0]
        let rows = sheet.rows.indices.dropFirst(2)
        for row in rows {
            let rules = sheet.validations.filter { $0.firstRow == row }
            #expect(rules.contains { $0.column == 5 && $0.rule == .date })
            #expect(rules.contains { $0.column == 10 })
        }
        let milestone = try #require(rows.first { sheet.rows[$0][0].value == .text("G27-3") })
        #expect(sheet.validations.contains { $0.firstRow == milestone && $0.rule == .list(["推进中", "完成"]) })
        let figure = try #require(rows.first { sheet.rows[$0][0].value == .text("G27-2") })
        #expect(sheet.validations.contains { $0.firstRow == figure && $0.rule == .decimal(minimum: 0) })
        let units = try #require(sheet.validations.first { $0.firstRow == figure && $0.column == 10 })
        #expect(units.rule == .list(plan.units(forItem: "G27-2")))
        // The last figure and light beside it.
        #expect(sheet.rows[figure][12].value == .number(58))
        #expect(sheet.rows[figure][14].style.fill == CellStyle.fill(.yellow))
    }

    @Test func aBaselineStillMissingGetsItsOwnRow() throws {
        let without = try form("工信局").sheets[0]
        let with = try form("工信局", needing: ["G27-5"]).sheets[0]
        #expect(with.rows.count == without.rows.count + 1)
        let row = try #require(
            with.rows.firstIndex { $0.count > 1 && $0[1].value == .text("规模以上工业企业关键工序数控化率超过77%（基数）") })
        #expect(with.rows[row][6].style.unlocked && with.rows[row][11].style.unlocked)
        #expect(with.validations.contains { $0.firstRow == row && $0.column == 11 && $0.rule == .list(["2023"]) })
    }
}
