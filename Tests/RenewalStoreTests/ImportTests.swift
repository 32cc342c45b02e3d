import Foundation
import RenewalModel
import Testing

@testable import RenewalStore

/// Importing returns: every error class is reported with its line and nothing is written.
@Suite("Import")
struct ImportTests {
    static let today = Day("2026-11-29")!
    static let header = "指标编号,日期,数值,进展情况,存在问题,下步计划,填报单位\n"
    let plan: Plan

    init() throws {
        plan = try PlanLoader.embedded()
    }

    /// Checks the file and, if sound, imports it; returns the problems (empty when imported).
    func importFile(_ path: String, into store: any ProgressStore) throws -> [String] {
        do {
            let checked = try EntriesCSV.readReturn(path: path, plan: plan, today: Self.today)
            _ = try ReturnImporter.run(
                checked, file: path, store: store, by: "test", at: "2026-11-29T10:00:00+08:00", dryRun: false)
            return []
        } catch let error as EntriesError {
            return error.problems.map { "\($0.line ?? 0) \($0.column?.rawValue ?? "") \($0.message.en)" }
        }
    }

    @Test(arguments: [
        ("M99-1,2025-06-30,5,,,,", "指标编号", "unknown target"),
        ("M02-1,2025-06-30,五十,,,,", "数值", "is not a number"),
        ("M02-1,2025-02-30,5,,,,", "日期", "is not a date"),
        ("M02-1,2026-12-01,5,,,,", "日期", "in the future"),
        ("M02-1,2024-01-31,5,,,,", "日期", "before the plan started"),
        ("M02-1,2025-06-30,-3,,,,", "数值", "is negative"),
        ("M02-1,2025-06-30,2.5,,,,", "数值", "not a whole number"),
        ("M04-3,2025-06-30,120,,,,", "数值", "over 100%"),
        ("M02-1,2025-06-30,,有进展但没有数值,,,", "数值", "required cell is empty"),
        (",2025-06-30,5,,,,", "指标编号", "required cell is empty"),
        ("M02-1,,5,,,,", "日期", "required cell is empty"),
        ("M02-1,2025-06-30,5,,,,税务所", "填报单位", "unknown unit"),
    ])
    func eachBadRowIsReportedWithItsLineAndTheStoreIsUnchanged(
        _ bad: String, _ column: String, _ message: String
    ) throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        try temp.store.append(.sample("M02-2", "2025-06-30", 3))
        let before = try temp.store.entries()
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: temp.path))
        let file = try temp.write(Self.header + "M02-1,2025-06-30,20,,,,\n" + bad + "\nM02-1,2025-07-31,21,,,,\n")
        let problems = try importFile(file, into: temp.store)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("3 \(column) ") == true, "\(problems)")
        #expect(problems.first?.contains(message) == true, "\(problems)")
        #expect(try temp.store.entries() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: temp.path)) == bytesBefore)
    }

    @Test func everyBadRowIsListedNotJustTheFirst() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let file = try temp.write(
            Self.header + "M99-1,2025-06-30,5,,,,\nM02-1,2025-06-30,20,,,,\nM02-1,2025-13-01,x,,,,\n")
        let problems = try importFile(file, into: temp.store)
        #expect(problems.map { $0.prefix(1) } == ["2", "4", "4"])
        #expect(try temp.store.entryCount() == 0)
    }

    @Test func importingTheSameFileTwiceAddsNothing() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let file = try temp.write(
            Self.header + "M02-1,2025-06-30,20,,,,\nM05-1,2025-11-30,完成,,,,\nM08,2025-06-30,,加装电梯,,,\n")
        let checked = try EntriesCSV.readReturn(path: file, plan: plan, today: Self.today)
        let first = try ReturnImporter.run(checked, file: file, store: temp.store, by: "a", at: "t1", dryRun: false)
        let second = try ReturnImporter.run(checked, file: file, store: temp.store, by: "b", at: "t2", dryRun: false)
        #expect(first.added == 3)
        #expect(second.added == 0)
        #expect(second.duplicateLines == [2, 3, 4])
        #expect(try temp.store.entryCount() == 3)
    }

    @Test func aDryRunWritesNothing() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let file = try temp.write(Self.header + "M02-1,2025-06-30,20,,,,\n")
        let checked = try EntriesCSV.readReturn(path: file, plan: plan, today: Self.today)
        let outcome = try ReturnImporter.run(checked, file: file, store: temp.store, by: "a", at: "t", dryRun: true)
        #expect(outcome.added == 1)
        #expect(try temp.store.entryCount() == 0)
    }

    @Test func aGBKFileImports() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let utf8 =
            Self.header.replacingOccurrences(of: "\n", with: "\r\n")
            + "M02-1,2025-06-30,20,新培育晨星工厂,资金紧张,加快申报,市工业和信息化局\r\n"
        let gbk = try Self.iconv(utf8, to: "GBK")
        #expect(String(data: gbk, encoding: .utf8) == nil, "the test file must not be valid UTF-8")
        let file = temp.folder.appending(path: "gbk.csv")
        try gbk.write(to: file)
        let checked = try EntriesCSV.readReturn(path: file.path, plan: plan, today: Self.today)
        #expect(checked.encoding == .gb18030)
        _ = try ReturnImporter.run(checked, file: file.path, store: temp.store, by: "a", at: "t", dryRun: false)
        let entry = try #require(try temp.store.entries().first)
        #expect(entry.progress == "新培育晨星工厂")
        #expect(entry.reportingUnit == "市工业和信息化局")
    }

    @Test func baselineRowsAreStoredAsBaselines() throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let file = try temp.write(
            "指标编号,日期,数值,进展情况,存在问题,下步计划,填报单位,基数年份\nG27-7,,8200,2023年二手车交易量,,,,2023\nG27-7,,8200,,,,,2022\n")
        let problems = try importFile(file, into: temp.store)
        #expect(problems == ["3 基数年份 G27-7 is measured against 2023, not 2022"])
        let good = try temp.write("指标编号,日期,数值,基数年份\nG27-7,,8200,2023\n", name: "good.csv")
        #expect(try importFile(good, into: temp.store) == [])
        let entry = try #require(try temp.store.entries().first)
        #expect(entry.baselineYear == 2023)
        #expect(entry.date == Day("2023-12-31"))
    }

    static func iconv(_ text: String, to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}

@Suite("CSV export")
struct CSVExportTests {
    @Test func exportsStartWithABOMAndUseCRLF() {
        let data = CSVExport.encode(
            header: ["编号", "说明"], rows: [[.text("M02-1"), .text("多行\n文本")], [.text("x"), .number(1.5)]])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("编号,说明\r\nM02-1,\"多行\n文本\"\r\nx,1.5\r\n"))
    }

    @Test(arguments: ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "＝HYPERLINK()"])
    func formulasAreNeutralised(_ cell: String) {
        let data = CSVExport.encode(header: ["a"], rows: [[.text(cell)]])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("'" + cell.prefix(1)))
        #expect(CSVExport.neutralise(cell).hasPrefix("'"))
    }

    @Test func controlCharactersInCellsAreMadeVisible() {
        // A lone CR would end the row in some readers; ESC would reach a terminal that cats the file.
        let data = CSVExport.encode(
            header: ["a"], rows: [[.text("\rx")], [.text("a\u{1B}]0;t\u{07}b")], [.text("二行\n文本")]])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("^Mx"))
        #expect(text.contains("a^[]0;t^Gb"))
        #expect(text.contains("\"二行\n文本\""))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func numbersStayNumbers() {
        let data = CSVExport.encode(header: ["a"], rows: [[.number(-5)], [.number(nil)], [.number(0.25)]])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "a\r\n-5\r\n\r\n0.25\r\n")
    }

    @Test func theTemplateReadsBackAsAReturn() throws {
        let plan = try PlanLoader.embedded()
        let unit = try #require(plan.unit(named: "农业农村局"))
        let data = ReturnTemplate.csv(plan: plan, unit: unit, date: "")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("M04-1,每年淘汰老旧农业机械150台（套）以上"))
        #expect(text.contains("M05-1"))
        #expect(!text.contains("M02-1"))
        // Filled in (a figure and a date on the M04-1 row), the form imports as it is.
        let filled = text.replacingOccurrences(
            of: "M04-1,每年淘汰老旧农业机械150台（套）以上,每年 >=150台（套）（填本年累计）,台（套）,每年,,,",
            with: "M04-1,每年淘汰老旧农业机械150台（套）以上,每年 >=150台（套）（填本年累计）,台（套）,每年,2026-10-31,118,")
        #expect(filled != text)
        let onlyFilled = filled.split(separator: "\r\n").enumerated().filter {
            $0.offset == 0 || $0.element.contains("2026-10-31")
        }
        .map(\.element).joined(separator: "\r\n")
        let checked = try EntriesCSV.readReturn(
            data: Data(onlyFilled.utf8), file: "filled.csv", plan: plan, today: Day("2026-11-29")!)
        #expect(checked.rows.count == 1)
        #expect(checked.rows.first?.checked.value == 118)
        #expect(checked.rows.first?.checked.reportingUnit == "市农业农村局")
    }
}
