import Foundation
import RenewalModel
import RenewalReports
import RenewalStore
import Testing

@testable import RenewalWorkbook

/// The bulletin as a workbook (issue 22, item 3), built as values and written by libxlsxwriter.
@Suite("Bulletin workbook")
struct BulletinWorkbookTests {
    let context: ReportContext

    init() throws {
        let plan = try PlanLoader.embedded()
        let asOf = try #require(Day("2026-12-05"))
        let sample = try EntriesCSV.readReturn(
            data: Data(DemoStore.sampleCSV.utf8), file: "sample-progress.csv", plan: plan, today: asOf)
        let entries = sample.rows.map { $0.entry(file: "sample-progress.csv") }
        let flag = SupervisionFlag(
            id: "1", itemId: "M06-2", note: "请说明", flaggedBy: "专班", flaggedAt: "2026-11-05T09:00:00+08:00",
            followUp: "2026-11-15")
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, flags: [flag], asOf: asOf)
        context = ReportContext(
            plan: plan, evaluation: evaluation, language: .zh, entries: entries, flags: [flag], isSample: true)
    }

    @Test func fiveSheetsEachWithASampleBannerATitleAndAFrozenHeader() throws {
        let book = BulletinWorkbook.make(Bulletin(context: context), context: context)
        #expect(book.sheets.map(\.name) == ["总体情况", "与上期相比", "逾期滞后及临期", "督办事项", "报送情况"])
        for sheet in book.sheets {
            guard case let .text(banner) = sheet.rows[0][0].value else {
                Issue.record("\(sheet.name): no banner")
                continue
            }
            #expect(banner.contains("示例数据"), "\(sheet.name)")
            #expect(sheet.headerRow == 2 && sheet.frozenRows == 3, "\(sheet.name)")
            #expect(sheet.landscape)
        }
    }

    @Test func statusCellsAreFilledInTheirLightsAndFiguresAreNumbers() throws {
        let book = BulletinWorkbook.make(Bulletin(context: context), context: context)
        let late = try #require(book.sheets.first { $0.name == "逾期滞后及临期" })
        let rows = late.rows.dropFirst(3)
        #expect(!rows.isEmpty)
        for row in rows {
            guard case let .text(text) = row[3].value else {
                Issue.record("status is not text")
                continue
            }
            let status = try #require(Status.allCases.first { text == "\($0.mark) \($0.label(.zh))" }, "\(text)")
            #expect(row[3].style.fill == CellStyle.fill(status.light), "\(text)")
        }
        let m062 = try #require(rows.first { $0[1].value == .text("M06-2") })
        #expect(m062[6].value == .number(77), "actual as a number (the sample return, without the demo's correction)")
        #expect(m062[8].value == .date(try #require(Day("2025-12-31"))), "deadline as a date")
        let flags = try #require(book.sheets.first { $0.name == "督办事项" })
        #expect(flags.rows.count == 4 && flags.rows[3][4].value == .text("超期未反馈 20 天"))
    }

    @Test func theWorkbookIsWrittenAsAZipWithEverySheet() throws {
        let data = try XLSXFile.data(BulletinWorkbook.make(Bulletin(context: context), context: context))
        #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip file")
        let text = String(decoding: data, as: UTF8.self)
        for index in 1...5 { #expect(text.contains("xl/worksheets/sheet\(index).xml")) }
        #expect(!text.contains("xl/worksheets/sheet6.xml"))
    }

    @Test func sheetNamesAreWhatExcelAccepts() {
        #expect(XLSXFile.sheetName("a[b]:c*d?e/f\\g", taken: []) == "abcdefg")
        let long = String(repeating: "长", count: 40)
        #expect(XLSXFile.sheetName(long, taken: []).count == 31)
        #expect(XLSXFile.sheetName("总体情况", taken: ["总体情况"]) == "总体情况 2")
        #expect(XLSXFile.sheetName("", taken: []) == "Sheet")
        #expect(XLSXFile.clean("a\u{1B}[2Jb") == "a^[[2Jb")
    }
}

/// A dashboard view for `x` to a `.xlsx` name.
@Suite("Export workbook")
struct ExportWorkbookTests {
    @Test func aViewBecomesOneSheetWithNumbersAndStatusesFilled() throws {
        let table = ExportTable(
            title: "逾期滞后临期（截至 2026-11-29）", header: ["编号", "状态", "实际", "说明"],
            rows: [["M06-2", "✖ 逾期未完成", "76", "已完成"], ["G27-2", "进度滞后", "58.5", "-"]], banner: "【示例数据】")
        let book = ExportWorkbook.make(table)
        #expect(book.sheets.count == 1)
        let sheet = book.sheets[0]
        #expect(sheet.rows[0][0].value == .text("【示例数据】") && sheet.headerRow == 2 && sheet.frozenRows == 3)
        #expect(sheet.rows[3][2].value == .number(76) && sheet.rows[4][2].value == .number(58.5))
        #expect(sheet.rows[3][1].style.fill == CellStyle.fill(.red))
        #expect(sheet.rows[4][1].style.fill == CellStyle.fill(.yellow))
        #expect(sheet.rows[3][3].style.fill == nil, "a note that reads like a status is still text, unfilled")
        #expect(sheet.rows[3][0].value == .text("M06-2"), "an id stays text")
        let data = try XLSXFile.data(book)
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
